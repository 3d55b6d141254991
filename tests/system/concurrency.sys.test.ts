// Races settled by the database, proved over HTTP against a production server: identical uploads
// and saves of one item with the same version, all sent at once; and a hostile upload that must
// not keep the server from answering others.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { fixtureAvailable, SHARED_FIXTURES } from "@/tests/fixtures";
import { tgz, zeros } from "@/tests/hostile/archives";
import { asImage } from "@/tests/preflight";
import { call, createDatabase, createToken, httpPort, PRODUCT, type Server, setUpAdmin, sleep, sql, startServer, printOutputOnFailure, stopAll } from "./harness";

const RESULTS = path.join(SHARED_FIXTURES, "preflight", "container_1.16.0_amd64_failed_HasNoProhibitedLabels.results.json");
const hasResults = fixtureAvailable(RESULTS);
const OPERATOR = "neuron-openshift-operator";

let dbUrl = "";
let server: Server;
let token = "";

beforeAll(async () => {
  dbUrl = await createDatabase(inject("systemDatabaseUrl"), "sys_concurrency");
  server = await startServer(httpPort(0), dbUrl);
  token = await createToken(server, await setUpAdmin(server), "engineer");
});
afterAll(stopAll);

type UploadReply = { runs: { id: string; duplicate: boolean; items: Record<string, string[]> }[] };
type Item = { version: number; effortText: string | null; history: { field: string }[] };

describe("concurrent writes over HTTP", () => {
  it.skipIf(!hasResults)("50 identical uploads at once store one run, and every client is told its id", async () => {
    printOutputOnFailure();
    // A run of the operator image itself: the component refuses runs of another repository.
    const body = asImage(readFileSync(RESULTS));
    const document = JSON.parse(body) as { results: Record<string, unknown[]> };
    const checks = ["passed", "failed", "errors"].reduce((n, k) => n + (document.results[k]?.length ?? 0), 0);
    const url = `/api/v1/preflight/runs?product=${PRODUCT}&component=${OPERATOR}&arch=amd64`;

    const replies = await Promise.all(Array.from({ length: 50 }, () => call<UploadReply>(server, url, { method: "POST", token, body, timeoutMs: 30_000 })));

    expect(replies.map((r) => r.status).sort()).toEqual([...Array(49).fill(200), 201]);
    const ids = new Set(replies.map((r) => r.json.runs[0]!.id));
    expect(ids.size).toBe(1);
    expect(replies.filter((r) => !r.json.runs[0]!.duplicate)).toHaveLength(1);
    const [id] = [...ids];
    const stored = await sql(dbUrl, async (client) => ({
      // The database is this file's own: no other run exists.
      runs: (await client.query(`SELECT "id" FROM "PreflightRun"`)).rows.map((r) => r.id as string),
      checks: Number((await client.query(`SELECT count(*) FROM "CheckResult" WHERE "runId" = $1`, [id])).rows[0].count),
    }));
    expect(stored).toEqual({ runs: [id], checks });
  });

  it("20 saves of one item with the same version: one succeeds, 19 get 409, the history gains one event", async () => {
    printOutputOnFailure();
    const itemUrl = `/api/v1/items/P1-3?product=${PRODUCT}`;
    const before = await call<Item>(server, itemUrl, { token });
    expect(before.status).toBe(200);
    const effortEvents = (item: Item) => item.history.filter((e) => e.field === "effortText").length;

    const replies = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        call<Item & { error?: { code: string } }>(server, itemUrl, { method: "PATCH", token, json: { version: before.json.version, effortText: `${i + 1} hours` }, timeoutMs: 30_000 }),
      ),
    );

    expect(replies.map((r) => r.status).sort()).toEqual([200, ...Array(19).fill(409)]);
    expect(replies.filter((r) => r.status === 409).every((r) => r.json.error?.code === "conflict")).toBe(true);
    const winner = replies.find((r) => r.status === 200)!.json;
    const after = await call<Item>(server, itemUrl, { token });
    expect(after.json.version).toBe(before.json.version + 1);
    expect(after.json.effortText).toBe(winner.effortText);
    expect(effortEvents(after.json)).toBe(effortEvents(before.json) + 1);
    expect(after.json.history).toHaveLength(before.json.history.length + 1);
  });

  it.skipIf(!hasResults)("keeps answering /api/health while it refuses a multipart of 150 archive bombs", async () => {
    printOutputOnFailure();
    // Each part alone is an upload the server accepts (a results.json and 49 MiB of zeros it ignores,
    // about 50 KiB sent); with a budget for each part, unpacking them all would hold the server for minutes.
    const bomb = tgz([{ name: "artifacts/results.json", data: readFileSync(RESULTS) }, { name: "artifacts/rpm-manifest.json", data: zeros(49 * 1024 * 1024) }]);
    const form = new FormData();
    for (let i = 0; i < 150; i++) form.append("results", new Blob([Buffer.from(bomb)], { type: "application/gzip" }), `bomb-${i}.tar.gz`);
    const runs = () => sql(dbUrl, async (client) => Number((await client.query(`SELECT count(*) FROM "PreflightRun"`)).rows[0].count));
    const runsBefore = await runs();

    let answered = false;
    const upload = fetch(`${server.base}/api/v1/preflight/runs?product=${PRODUCT}`, { method: "POST", headers: { authorization: `Bearer ${token}` }, body: form, signal: AbortSignal.timeout(300_000) })
      .then(async (response) => ({ status: response.status, body: (await response.json()) as { error?: { code: string } } }))
      .finally(() => (answered = true));
    // Awaited below; until then a failure of the health checks must not leave it rejecting unhandled.
    upload.catch(() => undefined);
    // Health is asked while the upload is in flight, and again until it is answered; each answer may take 30 s.
    const health: number[] = [];
    do {
      health.push((await call(server, "/api/health", { timeoutMs: 30_000 })).status);
      await sleep(100);
    } while (!answered);

    expect(await upload).toMatchObject({ status: 413, body: { error: { code: "too_large" } } });
    expect(health.length).toBeGreaterThan(0);
    expect(health.filter((status) => status !== 200)).toEqual([]);
    expect(await runs()).toBe(runsBefore);
  }, 300_000);
});
