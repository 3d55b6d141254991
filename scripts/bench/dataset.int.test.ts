// The bench's generator and raw floor against a real PostgreSQL (the integration tier's database,
// a product of its own): the generated rows are what the sizing says, the app reads them like
// its own, every stored results.json reads back as the run it is stored as, and the raw-pg
// ingest floor writes exactly the rows the upload mutation writes in the bench's steady state.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getSummary, listItems } from "@/lib/backlog/data";
import { itemFilterSchema } from "@/lib/backlog/schema";
import { getComponentBoard } from "@/lib/component-board/data";
import { disconnectDb, getDb } from "@/lib/db";
import { ingestPreflightRuns } from "@/lib/preflight/mutations";
import { parseResultsJson } from "@/lib/preflight/parse-results";
import { prepareUpload } from "@/lib/preflight/prepare-upload";
import { syncRequirementCatalog } from "@/lib/requirements/mutations";
import { generateDataset } from "./dataset.mjs";
import { datasetRows } from "./options.mjs";
import { ingestRun, type IngestPlan } from "./payload.mjs";
import { measureRawIngest } from "./raw.mjs";

const URL = process.env.DATABASE_URL;
if (!URL) throw new Error("DATABASE_URL is not set: run through `node scripts/with-db.mjs --migrate vitest run --project integration`");

const SIZES = { components: 3, archs: 2, runs: 4, checks: 10, items: 40, events: 100, days: 30 };
const product = `bench-${randomBytes(4).toString("hex")}`;
const client = new pg.Client({ connectionString: URL });
let dataset: Awaited<ReturnType<typeof generateDataset>>;

beforeAll(async () => {
  // The bench's database has the catalog from the seed; this file may run before any other syncs it.
  await getDb().$transaction((tx) => syncRequirementCatalog(tx));
  await client.connect();
  dataset = await generateDataset(client, SIZES, { product });
});
afterAll(async () => {
  await client.end();
  await disconnectDb();
});

/** Rows of this product's tables. */
async function counts() {
  const { rows } = await client.query(
    `SELECT
       (SELECT count(*) FROM "PreflightRun" r JOIN "Component" c ON c.id = r."componentId" WHERE c."productId" = $1)::int AS runs,
       (SELECT count(*) FROM "CheckResult" x JOIN "PreflightRun" r ON r.id = x."runId" JOIN "Component" c ON c.id = r."componentId" WHERE c."productId" = $1)::int AS checks,
       (SELECT count(*) FROM "ImageTag" t JOIN "Component" c ON c.id = t."componentId" WHERE c."productId" = $1)::int AS tags,
       (SELECT count(*) FROM "BacklogItem" WHERE "productId" = $1)::int AS items,
       (SELECT count(*) FROM "ItemComponent" l JOIN "BacklogItem" i ON i.id = l."itemId" WHERE i."productId" = $1)::int AS links,
       (SELECT count(*) FROM "ItemEvent" e JOIN "BacklogItem" i ON i.id = e."itemId" WHERE i."productId" = $1)::int AS events,
       (SELECT count(*) FROM "OutboxEvent" WHERE "productId" = $1)::int AS outbox`,
    [dataset.productId],
  );
  return rows[0] as Record<"runs" | "checks" | "tags" | "items" | "links" | "events" | "outbox", number>;
}

describe("the bench dataset", () => {
  it("holds the rows the sizes say", async () => {
    const expected = datasetRows(SIZES);
    expect(await counts()).toEqual({
      runs: expected.runs,
      checks: expected.checkResults,
      tags: expected.imageTags,
      items: expected.items,
      links: expected.itemComponents,
      events: expected.events,
      // The dataset is history, not news: it announces nothing.
      outbox: 0,
    });
    expect(dataset.components).toEqual(["comp-001", "comp-002", "comp-003"]);
  });

  it("holds the runs per day the overview reads, as a count of the runs gives them", async () => {
    const { rows } = await client.query(
      `SELECT (SELECT coalesce(json_agg(x ORDER BY x."componentId", x.day), '[]') FROM (
                 SELECT "componentId", "day"::text AS day, "passed", "failed" FROM "PreflightRunDay" WHERE "productId" = $1 AND ("passed" + "failed") > 0) x) AS rollup,
              (SELECT coalesce(json_agg(x ORDER BY x."componentId", x.day), '[]') FROM (
                 SELECT "componentId", "createdAt"::date::text AS day, count(*) FILTER (WHERE "passed")::int AS passed, count(*) FILTER (WHERE NOT "passed")::int AS failed
                 FROM "PreflightRun" WHERE "productId" = $1 AND "componentId" IS NOT NULL GROUP BY 1, 2) x) AS counted`,
      [dataset.productId],
    );
    expect(rows[0].counted.length).toBeGreaterThan(0);
    expect(rows[0].rollup).toEqual(rows[0].counted);
  });

  it("stores results.json documents that read back as the runs and checks stored with them", async () => {
    const { rows } = await client.query(
      `SELECT r.id, r.original, r."contentSha256", r.passed, r."passedCount", r."failedCount", r."errorCount", r."imageRef",
              array_agg(x."canonicalName" || '=' || x.outcome ORDER BY x."canonicalName") AS checks
       FROM "PreflightRun" r JOIN "Component" c ON c.id = r."componentId" JOIN "CheckResult" x ON x."runId" = r.id
       WHERE c."productId" = $1 GROUP BY r.id`,
      [dataset.productId],
    );
    expect(rows).toHaveLength(datasetRows(SIZES).runs);
    expect(new Set(rows.map((r) => r.contentSha256)).size).toBe(rows.length);
    for (const row of rows) {
      const [parsed] = parseResultsJson(new Uint8Array(row.original));
      expect(parsed).toBeDefined();
      expect(parsed!.contentSha256).toBe(row.contentSha256);
      expect(parsed!.imageRaw).toBe(row.imageRef);
      expect(parsed!.passed).toBe(row.passed);
      expect(parsed!.counts).toEqual({ passed: row.passedCount, failed: row.failedCount, errors: row.errorCount, warnings: 0 });
      expect(parsed!.checks.map((c) => `${c.canonicalName}=${c.outcome}`).sort()).toEqual(row.checks);
      expect(parsed!.checks.every((c) => c.known)).toBe(true);
    }
  });

  it("is read by the app like its own data", async () => {
    const board = await getComponentBoard("comp-002", product);
    expect(board.grid.architectures).toEqual(["amd64", "arm64"]);
    // Newest build first (the grid pages by tag from the newest).
    expect(board.grid.tags).toEqual(["1.0.3", "1.0.2", "1.0.1", "1.0.0"]);
    expect(board.grid.cells.every((cell) => cell.run !== null)).toBe(true);
    const byCode = new Map(board.requirements.rows.map((r) => [r.code, r]));
    expect(byCode.get("CTR-04")?.architectures.map((a) => a.architecture).sort()).toEqual(["amd64", "arm64"]);
    expect(board.history).toHaveLength(SIZES.archs * SIZES.runs);

    const summary = await getSummary(product);
    expect(Object.values(summary.categories).reduce((n, c) => n + c.total, 0)).toBe(SIZES.items);
    const { rows } = await client.query(`SELECT count(*)::int AS n FROM "BacklogItem" WHERE "productId" = $1 AND category = 'critical_blocker' AND status = 'not_started'`, [
      dataset.productId,
    ]);
    const list = await listItems(itemFilterSchema.parse({ product, category: "critical_blocker", status: "not_started" }));
    expect(list.total).toBe(rows[0].n);
  });
});

describe("the raw ingest floor", () => {
  it("writes the rows the upload mutation writes once every component and architecture has a run", async () => {
    const plan: IngestPlan = { components: dataset.components, archs: dataset.archs, checks: SIZES.checks, firstBuild: SIZES.runs + 1 };
    const perBuild = plan.components.length * plan.archs.length;
    const upload = async (n: number) => {
      const run = ingestRun(n, plan);
      const runs = prepareUpload([{ name: "results.json", bytes: new TextEncoder().encode(run.body), role: "results" }], { arch: run.arch });
      const result = await ingestPreflightRuns({ runs, componentSlug: run.slug, productSlug: product, actor: { kind: "token", name: "bench", tokenId: "bench" } });
      expect(result.runs[0]?.duplicate).toBe(false);
    };
    // Warm-up: the failing check's items reopen and the passing ones verify, once.
    for (let n = 0; n < perBuild; n++) await upload(n);
    const steady = await counts();
    for (let n = perBuild; n < 2 * perBuild; n++) await upload(n);
    const afterApi = await counts();
    const componentIds = new Map<string, string>(
      (await client.query(`SELECT slug, id FROM "Component" WHERE "productId" = $1`, [dataset.productId])).rows.map((r) => [r.slug, r.id]),
    );
    await measureRawIngest({ url: URL!, clients: 2, amount: perBuild, counter: { next: 2 * perBuild }, plan, productId: dataset.productId, componentIds, userId: null });
    const afterRaw = await counts();

    const delta = (a: Record<string, number>, b: Record<string, number>) => Object.fromEntries(Object.keys(a).map((k) => [k, (a[k] ?? 0) - (b[k] ?? 0)]));
    // Every run of the plan fails one check: one run.failed outbox row each.
    expect(delta(afterApi, steady)).toEqual({ runs: perBuild, checks: perBuild * SIZES.checks, tags: plan.components.length, items: 0, links: 0, events: 0, outbox: perBuild });
    expect(delta(afterRaw, afterApi)).toEqual(delta(afterApi, steady));

    // Same columns, apart from who wrote them and when.
    const { rows } = await client.query(
      `SELECT r.actor = 'token bench' AS raw, r.kind, r.policy, r."preflightVersion", r."preflightCommit", r.passed, r."passedCount", r."failedCount", r."errorCount",
              r."warningCount", r.diff - 'previousRunId' AS diff, r.diff->>'previousRunId' IS NOT NULL AS compared, r.warnings, r."fileName", r."certImage", r.log, r."imageRef" = r."imageRefNormalized" AS normalized, r."imageDigest",
              length(r.original) > 0 AS original,
              (SELECT array_agg(concat_ws('|', x.name, x."canonicalName", x.known, x.outcome, x.description, x.help, x.suggestion, x."knowledgebaseUrl") ORDER BY x.name)
                 FROM "CheckResult" x WHERE x."runId" = r.id) AS checks
       FROM "PreflightRun" r JOIN "Component" c ON c.id = r."componentId"
       WHERE c."productId" = $1 AND r."imageTag" IN ($2, $3) AND r.architecture = 'amd64' AND c.slug = 'comp-001'`,
      [dataset.productId, `1.0.${SIZES.runs + 2}`, `1.0.${SIZES.runs + 3}`],
    );
    expect(rows.map((r) => r.raw).sort()).toEqual([false, true]);
    const [first, second] = rows.map((r) => Object.fromEntries(Object.entries(r).filter(([column]) => column !== "raw")));
    expect(second).toEqual(first);
  });
});
