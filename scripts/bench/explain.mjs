/**
 * EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) of every statement a measured path sent, on the bench
 * dataset: every sequential scan of a table with at least MIN_ROWS rows, and every scan reading
 * MIN_READ rows or more, is reported with how many rows it kept and how many its filter threw away. A scan that keeps most of the table is a query
 * that needs the rows (an aggregate over every item of the product); one that throws most away is
 * an index the query lacks. Writes are explained without ANALYZE (nothing is executed).
 */
import pg from "pg";
import { decodeStatements } from "./raw.mjs";

export const MIN_ROWS = 1000;
export const MIN_READ = 10_000;

/**
 * Every node of a plan tree, depth first.
 * @param {Record<string, unknown>} node
 * @returns {Record<string, unknown>[]}
 */
export function planNodes(node) {
  const children = /** @type {Record<string, unknown>[] | undefined} */ (node.Plans) ?? [];
  return [node, ...children.flatMap(planNodes)];
}

const SCANS = new Set(["Seq Scan", "Index Scan", "Index Only Scan", "Bitmap Heap Scan"]);

/**
 * The table scans of one plan, with the rows they kept and removed (per loop × loops).
 * @param {Record<string, unknown>} plan the "Plan" object of EXPLAIN's JSON output
 */
export function tableScans(plan) {
  return planNodes(plan)
    .filter((n) => SCANS.has(String(n["Node Type"])))
    .map((n) => {
      const loops = Number(n["Actual Loops"] ?? 1);
      const filter = [n["Index Cond"], n["Recheck Cond"], n.Filter].filter((f) => typeof f === "string").join(" AND ");
      return {
        node: String(n["Node Type"]),
        table: String(n["Relation Name"]),
        index: typeof n["Index Name"] === "string" ? n["Index Name"] : null,
        kept: Math.round(Number(n["Actual Rows"] ?? n["Plan Rows"] ?? 0) * loops),
        removed: Math.round(Number(n["Rows Removed by Filter"] ?? 0) * loops),
        loops,
        // Long IN lists of ids say nothing useful in a report.
        filter: filter ? filter.replace(/'\{[^}]{80,}\}'/g, "'{…}'").slice(0, 200) : null,
      };
    });
}

/**
 * What the report flags: a sequential scan of a table of MIN_ROWS rows or more, or any scan that
 * reads MIN_READ rows or more (an index scan that walks a whole table's history is no better).
 * @param {ReturnType<typeof tableScans>[number]} scan
 * @param {number} tableRows
 */
export function isFlagged(scan, tableRows) {
  return (scan.node === "Seq Scan" && tableRows >= MIN_ROWS) || scan.kept + scan.removed >= MIN_READ;
}

/**
 * @param {string} text
 * @returns {"analyze" | "plan" | null}
 */
function explainMode(text) {
  const head = text.trim().slice(0, 40).toUpperCase();
  if (/^SELECT PG_ADVISORY/.test(head)) return null;
  // A WITH that writes (INSERT … in a CTE) is planned only: ANALYZE would run the write again.
  if (head.startsWith("WITH")) return /\b(?:INSERT|UPDATE|DELETE)\b/i.test(text) ? "plan" : "analyze";
  if (head.startsWith("SELECT")) return "analyze";
  if (head.startsWith("UPDATE") || head.startsWith("DELETE")) return "plan";
  return null;
}

/**
 * @param {string} url
 * @param {Record<string, { text: string, values: unknown[] }[]>} paths
 */
export async function explainPaths(url, paths) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const sizes = new Map(
      (await client.query(`SELECT relname, reltuples::bigint AS rows FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace`)).rows.map((r) => [
        r.relname,
        Number(r.rows),
      ]),
    );
    /** @type {(ReturnType<typeof tableScans>[number] & { path: string, statement: number, tableRows: number, ms: number | null, sql: string })[]} */
    const findings = [];
    /** @type {Record<string, { statements: number, explained: number, ms: number }>} */
    const perPath = {};
    for (const [name, statements] of Object.entries(paths)) {
      const seen = new Set();
      perPath[name] = { statements: statements.length, explained: 0, ms: 0 };
      for (const [i, s] of decodeStatements(statements).entries()) {
        const mode = explainMode(s.text);
        if (!mode || seen.has(s.text)) continue;
        seen.add(s.text);
        const options = mode === "analyze" ? "ANALYZE, BUFFERS, FORMAT JSON" : "FORMAT JSON";
        const result = await client.query({ text: `EXPLAIN (${options}) ${s.text}`, values: s.values });
        const out = result.rows[0]["QUERY PLAN"][0];
        const ms = mode === "analyze" ? Number(out["Execution Time"]) : null;
        perPath[name].explained++;
        perPath[name].ms += ms ?? 0;
        for (const scan of tableScans(out.Plan)) {
          const tableRows = sizes.get(scan.table) ?? 0;
          if (!isFlagged(scan, tableRows)) continue;
          findings.push({ path: name, statement: i + 1, tableRows, ms, sql: s.text.replace(/\s+/g, " ").slice(0, 240), ...scan });
        }
      }
    }
    return { findings, perPath, tables: Object.fromEntries([...sizes].filter(([, rows]) => rows >= MIN_ROWS)) };
  } finally {
    await client.end();
  }
}
