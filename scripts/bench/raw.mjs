/**
 * The floors the app is compared with: the same database work done by minimal pg scripts, at the
 * same concurrency, timed by the same method (stats.mjs).
 * - Reads: the statements the app sent for one request (recorded by in-app.ts), replayed one after
 *   another on one connection per client, as many times as fit in the phase.
 * - Ingest: per run, in one transaction, the rows the upload API writes in the steady state the
 *   bench puts it in (see ingestRun in payload.mjs): the PreflightRun with its original bytes and
 *   diff, its CheckResult rows in one multi-row INSERT, the build's ImageTag when new, and the
 *   notification outbox row of a failing run.
 */
import { createHash } from "node:crypto";
import pg from "pg";
import { summarize } from "./stats.mjs";
import { ingestRun } from "./payload.mjs";

/** @param {{ text: string, values: unknown[] }[]} statements */
export function decodeStatements(statements) {
  return statements.map((s) => ({
    text: s.text,
    values: s.values.map((v) => (v && typeof v === "object" && "$bytes" in v ? Buffer.from(String(/** @type {{ $bytes: string }} */ (v).$bytes), "base64") : v)),
  }));
}

/**
 * @param {string} url
 * @param {number} count
 */
async function connectAll(url, count) {
  const clients = Array.from({ length: count }, () => new pg.Client({ connectionString: url }));
  await Promise.all(clients.map((c) => c.connect()));
  return clients;
}

/**
 * @param {{ url: string, statements: { text: string, values: unknown[] }[], clients: number, duration: number, warmup: number }} options
 */
export async function measureReplay(options) {
  const statements = decodeStatements(options.statements);
  const clients = await connectAll(options.url, options.clients);
  /** @param {pg.Client} client */
  const once = async (client) => {
    for (const s of statements) await client.query({ text: s.text, values: s.values, rowMode: "array" });
  };
  try {
    /** @param {number} seconds @param {number[] | null} samples */
    const phase = async (seconds, samples) => {
      const deadline = performance.now() + seconds * 1000;
      await Promise.all(
        clients.map(async (client) => {
          while (performance.now() < deadline) {
            const t0 = performance.now();
            await once(client);
            samples?.push(performance.now() - t0);
          }
        }),
      );
    };
    if (options.warmup > 0) await phase(options.warmup, null);
    /** @type {number[]} */
    const samples = [];
    const started = performance.now();
    await phase(options.duration, samples);
    return { latency: summarize(samples), seconds: (performance.now() - started) / 1000, ok: samples.length, statements: statements.length };
  } finally {
    await Promise.all(clients.map((c) => c.end()));
  }
}

const RUN_COLUMNS = [
  "id", "productId", "componentId", "imageRef", "imageRefNormalized", "imageTag", "imageDigest", "architecture", "kind", "policy", "preflightVersion",
  "preflightCommit", "devBuild", "passed", "certificationHash", "passedCount", "failedCount", "errorCount", "warningCount", "diff", "warnings",
  "contentSha256", "fileName", "original", "certImage", "log", "submitted", "submissionUrls", "actor", "userId", "createdAt",
];
const CHECK_COLUMNS = ["id", "runId", "name", "canonicalName", "known", "outcome", "elapsedMs", "description", "help", "suggestion", "knowledgebaseUrl", "checkUrl"];
const quote = (/** @type {string[]} */ cols) => cols.map((c) => `"${c}"`).join(", ");
const INSERT_RUN = `INSERT INTO "PreflightRun" (${quote(RUN_COLUMNS.filter((c) => c !== "id" && c !== "createdAt"))}, "id", "createdAt")
  VALUES (${RUN_COLUMNS.slice(1, -1).map((_, i) => `$${i + 1}`).join(", ")}, gen_random_uuid(), now()) RETURNING "id"`;

/** @param {number} rows */
function insertChecks(rows) {
  const per = CHECK_COLUMNS.length - 1;
  const tuples = Array.from({ length: rows }, (_, r) => `(gen_random_uuid(), ${Array.from({ length: per }, (_, c) => `$${r * per + c + 1}`).join(", ")})`);
  return `INSERT INTO "CheckResult" (${quote(CHECK_COLUMNS)}) VALUES ${tuples.join(", ")}`;
}

/**
 * Writes `amount` runs from `clients` connections, run numbers taken from `counter` (shared with
 * the API phases, so every document is new), one transaction per run.
 * @param {{ url: string, clients: number, amount: number, counter: { next: number }, plan: Parameters<typeof ingestRun>[1], productId: string, componentIds: Map<string, string>, userId: string | null }} options
 */
export async function measureRawIngest(options) {
  const clients = await connectAll(options.url, options.clients);
  const names = new Map((await clients[0].query(`SELECT id, name FROM "Component" WHERE "productId" = $1`, [options.productId])).rows.map((r) => [r.id, r.name]));
  let remaining = options.amount;
  const started = performance.now();
  try {
    await Promise.all(
      clients.map(async (client) => {
        while (remaining > 0) {
          remaining--;
          const run = ingestRun(options.counter.next++, options.plan);
          const componentId = options.componentIds.get(run.slug);
          const failed = run.checks.filter((c) => c.outcome === "failed").map((c) => c.name).sort();
          const passedCount = run.checks.filter((c) => c.outcome === "passed").length;
          const original = Buffer.from(run.body, "utf8");
          await client.query("BEGIN");
          try {
            // The diff names the run it compared with (the CI gate reads it); the same checks fail build after build, so none is new.
            const previous = await client.query(`SELECT id FROM "PreflightRun" WHERE "componentId" = $1 AND architecture = $2 ORDER BY "createdAt" DESC, id DESC LIMIT 1`, [
              componentId,
              run.arch,
            ]);
            const diff = {
              newlyFailed: [], newlyPassed: [], newlyErrored: [], added: [], removed: [], preflightVersionChanged: null,
              previousRunId: previous.rows[0]?.id ?? null, newlyFailing: [],
            };
            const inserted = await client.query(INSERT_RUN, [
              options.productId, componentId, run.image, run.image, run.tag, null, run.arch, "container", "container", "1.21.0",
              "3f4e1c2b9a8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f", false, failed.length === 0, null, passedCount, failed.length, 0, 0, JSON.stringify(diff), [],
              createHash("sha256").update(run.body.trimEnd(), "utf8").digest("hex"), "results.json", original, "null", null, false, [], "token bench", options.userId,
            ]);
            const runId = inserted.rows[0].id;
            const values = run.checks.flatMap((c) => [
              runId, c.name, c.name, true, c.outcome, c.elapsedMs, c.description,
              c.outcome === "passed" ? null : c.help, c.outcome === "failed" ? c.suggestion : null,
              c.outcome === "failed" ? c.url : null, c.outcome === "failed" ? c.url : null,
            ]);
            await client.query(insertChecks(run.checks.length), values);
            await client.query(`INSERT INTO "ImageTag" ("id", "componentId", "name", "addedAt") VALUES (gen_random_uuid(), $1, $2, now()) ON CONFLICT ("componentId", "name") DO NOTHING`, [componentId, run.tag]);
            // The notification outbox row a failing run writes (lib/preflight/mutations.ts announceRun).
            if (failed.length > 0) {
              const event = { run: { id: runId, component: { slug: run.slug, name: names.get(componentId) }, tag: run.tag, architecture: run.arch }, failed };
              await client.query(`INSERT INTO "OutboxEvent" (id, type, "productId", actor, "actorUserId", data) VALUES (gen_random_uuid(), 'run.failed', $1, 'bench', $2, $3)`, [
                options.productId,
                options.userId,
                JSON.stringify(event),
              ]);
            }
            await client.query("COMMIT");
          } catch (error) {
            await client.query("ROLLBACK").catch(() => {});
            throw error;
          }
        }
      }),
    );
  } finally {
    await Promise.all(clients.map((c) => c.end()));
  }
  const seconds = (performance.now() - started) / 1000;
  return { ok: options.amount, seconds, perSecond: options.amount / seconds };
}
