import type pg from "pg";

// What "no row written" means for the hostile corpus: every table of the schema (read from the
// catalog, so a new model is covered without editing a list), its row count and a digest of its
// rows' contents, so an UPDATE is caught as surely as an INSERT or a DELETE. Two things may
// change while a refused request is handled, by design, and are set apart:
//   - ApiToken.lastUsedAt: every accepted bearer token stamps it (lib/tokens/mutations.ts), and
//     the corpus sends most inputs with the engineer's valid token;
//   - RateLimitBucket rows keyed signin:, signin-fail: and token-fail:: a refused sign-in or a
//     bad token must count against its limit (lib/auth/better-auth.ts, lib/auth/session.ts).
//     They are their own entry, "RateLimitBucket (auth failures)", which the sign-in and
//     token-use doors may change; every other bucket stays in "RateLimitBucket".
// Session is compared in full: a failed sign-in creates no session, and no refresh falls due
// during a test run (sessions refresh after a day).

export type TableState = { rows: number; digest: string };
export type Snapshot = Record<string, TableState>;
export type Change = { table: string; before: TableState | null; after: TableState | null };

export const AUTH_FAILURE_BUCKETS = "RateLimitBucket (auth failures)";
const AUTH_FAILURE_PREFIXES = ["signin:%", "signin-fail:%", "token-fail:%"];
const VOLATILE_COLUMNS: Record<string, string[]> = { ApiToken: ["lastUsedAt"] };

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;

function stateOf(label: string, table: string, where = "", volatile: string[] = []): string {
  const row = volatile.length ? `(to_jsonb(t) - ARRAY[${volatile.map(literal).join(", ")}]::text[])` : "to_jsonb(t)";
  return `SELECT ${literal(label)} AS name, count(*)::int AS rows,
    coalesce(md5(string_agg(md5(${row}::text), '' ORDER BY md5(${row}::text))), '') AS digest
    FROM ${ident(table)} t ${where}`;
}

export async function snapshot(client: pg.Client): Promise<Snapshot> {
  const { rows: tables } = await client.query<{ name: string }>(
    "SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations' ORDER BY 1",
  );
  const prefixes = `ARRAY[${AUTH_FAILURE_PREFIXES.map(literal).join(", ")}]`;
  const selects = tables.flatMap(({ name }) =>
    name === "RateLimitBucket"
      ? [stateOf(name, name, `WHERE NOT (t."key" LIKE ANY (${prefixes}))`), stateOf(AUTH_FAILURE_BUCKETS, name, `WHERE t."key" LIKE ANY (${prefixes})`)]
      : [stateOf(name, name, "", VOLATILE_COLUMNS[name])],
  );
  const { rows } = await client.query<{ name: string; rows: number; digest: string }>(selects.join(" UNION ALL "));
  return Object.fromEntries(rows.map((row) => [row.name, { rows: row.rows, digest: row.digest }]));
}

/** Tables whose rows differ between two snapshots, except those in `allowed`. */
export function changes(before: Snapshot, after: Snapshot, allowed: readonly string[] = []): Change[] {
  const tables = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((table) => !allowed.includes(table)).sort();
  return tables
    .filter((table) => before[table]?.rows !== after[table]?.rows || before[table]?.digest !== after[table]?.digest)
    .map((table) => ({ table, before: before[table] ?? null, after: after[table] ?? null }));
}
