// A server killed with SIGKILL in the middle of 100 uploads, then started again: an upload is one
// transaction, so every run is either stored whole (its checks, its item events) or not at all,
// and every upload the client was told had succeeded is there.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { fixtureAvailable, SHARED_FIXTURES } from "@/tests/fixtures";
import { call, createDatabase, createToken, httpPort, PRODUCT, type Server, setUpAdmin, sql, startServer, printOutputOnFailure, stopAll } from "./harness";

const RESULTS = path.join(SHARED_FIXTURES, "preflight", "container_1.16.0_amd64_failed_HasNoProhibitedLabels.results.json");
const hasResults = fixtureAvailable(RESULTS);
const OPERATOR = "neuron-openshift-operator";
const UPLOADS = 100;
/** Successful uploads to wait for before the kill: enough to prove work was committed, far from all. */
const KILL_AFTER = 10;

type Check = { name: string };
type Document = { image: string; test_library: { commit: string }; passed: boolean; results: { passed: Check[]; failed: Check[]; errors: Check[] } };
type Outcomes = { opened: string[]; reopened: string[]; verified: string[]; flagged: string[] };
type UploadReply = { runs: { id: string; duplicate: boolean; items: Outcomes }[] };

/** Upload `i`: the real document with its own tag, every other one with its failure fixed. */
function variant(template: Document, i: number): string {
  const doc = structuredClone(template);
  doc.image = `public.ecr.aws/os-partners/neuron-openshift/operator:crash-${i}`;
  if (i % 2 === 1) {
    doc.results.passed.push(...doc.results.failed.splice(0));
    doc.passed = true;
  }
  return JSON.stringify(doc, null, 4);
}

let dbUrl = "";
let token = "";
const port = httpPort(1);
const servers: Server[] = [];

beforeAll(async () => {
  dbUrl = await createDatabase(inject("systemDatabaseUrl"), "sys_crash");
  servers.push(await startServer(port, dbUrl));
  token = await createToken(servers[0]!, await setUpAdmin(servers[0]!), "engineer");
});
afterAll(stopAll);

describe.skipIf(!hasResults)("a server killed during uploads", () => {
  it("keeps every run whole or absent, and every acknowledged upload", { timeout: 120_000 }, async () => {
    printOutputOnFailure();
    const template = JSON.parse(readFileSync(RESULTS, "utf8")) as Document;
    const checksPerRun = template.results.passed.length + template.results.failed.length + template.results.errors.length;
    const bodies = Array.from({ length: UPLOADS }, (_, i) => variant(template, i));
    const url = `/api/v1/preflight/runs?product=${PRODUCT}&component=${OPERATOR}&arch=amd64`;
    const first = servers[0]!;

    type Outcome = { status?: number; reply?: UploadReply; error?: string; afterKill?: boolean };
    const outcomes: Outcome[] = bodies.map(() => ({}));
    let acknowledged = 0;
    let killed = false;
    let onEnough: () => void = () => {};
    const enough = new Promise<void>((resolve) => (onEnough = resolve));
    const inFlight = bodies.map((body, i) =>
      call<UploadReply>(first, url, { method: "POST", token, body, timeoutMs: 30_000 }).then(
        (r) => {
          outcomes[i] = { status: r.status, reply: r.json, afterKill: killed };
          if (r.status < 300 && ++acknowledged === KILL_AFTER) onEnough();
        },
        (error: unknown) => {
          outcomes[i] = { error: String(error), afterKill: killed };
        },
      ),
    );
    await Promise.race([enough, Promise.all(inFlight)]);
    killed = true;
    first.child.proc.kill("SIGKILL");
    expect(await first.child.exited).toMatchObject({ signal: "SIGKILL" });
    await Promise.all(inFlight);

    // The kill landed mid-flight: some uploads were acknowledged, others were cut off.
    const ok = outcomes.filter((o) => o.status !== undefined && o.status < 300);
    const cut = outcomes.filter((o) => o.error !== undefined);
    expect(ok.length).toBeGreaterThanOrEqual(KILL_AFTER);
    expect(cut.length).toBeGreaterThan(0);
    // Before the kill, concurrency alone never failed an upload.
    expect(outcomes.filter((o) => o.status !== undefined && o.status >= 300)).toEqual([]);

    const second = await startServer(port, dbUrl);
    servers.push(second);

    const stored = await sql(dbUrl, async (client) => {
      const runs = await client.query<{ id: string; tag: string; total: number; checks: number }>(
        `SELECT r."id", r."imageTag" AS tag, r."passedCount" + r."failedCount" + r."errorCount" + r."warningCount" AS total,
                (SELECT count(*)::int FROM "CheckResult" c WHERE c."runId" = r."id") AS checks
         FROM "PreflightRun" r`,
      );
      const events = await client.query<{ runId: string; key: string }>(
        `SELECT e."runId", i."key" FROM "ItemEvent" e JOIN "BacklogItem" i ON i."id" = e."itemId" WHERE e."runId" IS NOT NULL`,
      );
      return { runs: runs.rows, events: events.rows };
    });
    // Every stored run is one of ours and whole: all its checks, counts that add up.
    for (const run of stored.runs) {
      expect(run.tag).toMatch(/^crash-\d+$/);
      expect(run, run.tag).toMatchObject({ checks: checksPerRun, total: checksPerRun });
    }
    const storedIds = new Set(stored.runs.map((r) => r.id));
    const eventKeys = (id: string) => new Set(stored.events.filter((e) => e.runId === id).map((e) => e.key));
    for (const [i, outcome] of outcomes.entries()) {
      if (!outcome.reply) continue;
      const run = outcome.reply.runs[0]!;
      // Acknowledged means stored, with an event on every item the reply said it changed.
      expect(storedIds.has(run.id), `upload ${i}`).toBe(true);
      const changed = [...run.items.opened, ...run.items.reopened, ...run.items.verified, ...run.items.flagged];
      for (const key of changed) expect(eventKeys(run.id).has(key), `upload ${i}: event on ${key}`).toBe(true);
      const detail = await call<{ checks: unknown[] }>(second, `/api/v1/preflight/runs/${run.id}`, { token });
      expect(detail.status).toBe(200);
      expect(detail.json.checks).toHaveLength(checksPerRun);
    }
    // No event belongs to a run that is not stored (the foreign key would null it; none may be orphaned).
    expect(stored.events.every((e) => storedIds.has(e.runId))).toBe(true);

    // Sending everything again: what was stored is a duplicate with the same id, the rest is new.
    const byTag = new Map(stored.runs.map((r) => [r.tag, r.id]));
    const again = await Promise.all(bodies.map((body) => call<UploadReply>(second, url, { method: "POST", token, body, timeoutMs: 30_000 })));
    for (const [i, reply] of again.entries()) {
      const previous = byTag.get(`crash-${i}`);
      if (previous) expect([reply.status, reply.json.runs?.[0]], `upload ${i}: ${reply.text}`).toEqual([200, expect.objectContaining({ id: previous, duplicate: true })]);
      else expect([reply.status, reply.json.runs?.[0]?.duplicate], `upload ${i}: ${reply.text}`).toEqual([201, false]);
    }
    const total = await sql(dbUrl, async (client) =>
      (await client.query<{ runs: number; checks: number }>(`SELECT (SELECT count(*)::int FROM "PreflightRun") AS runs, (SELECT count(*)::int FROM "CheckResult") AS checks`)).rows[0],
    );
    expect(total).toEqual({ runs: UPLOADS, checks: UPLOADS * checksPerRun });
  });
});
