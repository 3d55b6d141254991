// The CI gate on every door that answers with the ingest result: an upload (JSON, multipart,
// archive), a duplicate, and an assignment. Real route handlers on a real PostgreSQL.
import { readFileSync } from "node:fs";
import path from "node:path";
import { zipSync } from "fflate";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as assignRoute } from "@/app/api/v1/preflight/runs/[id]/assign/route";
import { POST } from "@/app/api/v1/preflight/runs/route";
import { disconnectDb, getDb } from "@/lib/db";
import { getRun } from "@/lib/preflight/data";
import { runGate } from "@/lib/preflight/gate";
import { createToken, request, TEST_ORIGIN } from "@/tests/auth";
import { productWithBacklog } from "@/tests/db";
import { BACKLOG_PATH, fixtureAvailable, SHARED_FIXTURES } from "@/tests/fixtures";
import { asImage } from "@/tests/preflight";

const FAILED_1_16 = path.join(SHARED_FIXTURES, "preflight/container_1.16.0_amd64_failed_HasNoProhibitedLabels.results.json");
const available = fixtureAvailable(FAILED_1_16) && fixtureAvailable(BACKLOG_PATH);
const OPERATOR = "neuron-openshift-operator";
const AMD64 = `component=${OPERATOR}&arch=amd64`;

let uploader = "";
let engineer = "";
beforeAll(async () => {
  uploader = (await createToken("uploader")).token;
  engineer = (await createToken("engineer")).token;
});
afterAll(disconnectDb);

type Doc = { passed: boolean; test_library: { commit: string }; results: Record<"passed" | "failed" | "errors", { name: string }[]> };

/** The genuine failing 1.16.0 run as a run of the operator image; `commit` makes its bytes (and so the run) new. */
function failingRun(commit: string, image?: string): Doc {
  const doc = JSON.parse(asImage(readFileSync(FAILED_1_16), image)) as Doc;
  doc.test_library.commit = commit.padStart(40, "0");
  return doc;
}

function passingRun(commit: string): Doc {
  const doc = failingRun(commit);
  doc.passed = true;
  doc.results.passed.push(...doc.results.failed.splice(0));
  return doc;
}

/** HasLicense could not run (a check in errors[]): preflight's verdict is then FAILED too. */
function erroredRun(commit: string): Doc {
  const doc = passingRun(commit);
  doc.passed = false;
  const index = doc.results.passed.findIndex((c) => c.name === "HasLicense");
  doc.results.errors.push(...doc.results.passed.splice(index, 1));
  return doc;
}

/** POST /api/v1/preflight/runs with an uploader token: results.json as JSON, a form, or a zip. */
async function send(query: string, body: Doc | FormData | Uint8Array) {
  const headers: Record<string, string> = { authorization: `Bearer ${uploader}` };
  let payload: BodyInit;
  if (body instanceof FormData) payload = body;
  else if (body instanceof Uint8Array) {
    headers["content-type"] = "application/zip";
    payload = Buffer.from(body);
  } else {
    headers["content-type"] = "application/json";
    payload = JSON.stringify(body);
  }
  const response = await POST(new NextRequest(`${TEST_ORIGIN}/api/v1/preflight/runs?${query}`, { method: "POST", headers, body: payload }), { params: Promise.resolve({}) });
  return { status: response.status, body: await response.json() };
}

const upload = (product: string, query: string, doc: Doc) => send(`product=${product}&${query}`, doc);

describe.skipIf(!available)("the CI gate in the upload answer", () => {
  it("names the failed checks of every run and those new since the previous run of the component and architecture", async () => {
    const product = await productWithBacklog("gate");
    const first = await upload(product, AMD64, failingRun("1"));
    expect(first.status).toBe(201);
    // The component's first amd64 run: it failed, but there is nothing it could have regressed from.
    expect(first.body.runs[0]).toMatchObject({ component: OPERATOR, passed: false, gate: { failed: ["HasNoProhibitedLabels"], regressed: [] } });

    const fixed = await upload(product, AMD64, passingRun("2"));
    expect(fixed.body.runs[0].gate).toEqual({ failed: [], regressed: [] });

    const broken = await upload(product, AMD64, failingRun("3"));
    expect(broken.body.runs[0].gate).toEqual({ failed: ["HasNoProhibitedLabels"], regressed: ["HasNoProhibitedLabels"] });
    // Another architecture has its own history: its first run regresses nothing.
    const arm64 = await upload(product, `component=${OPERATOR}&arch=arm64`, failingRun("3"));
    expect(arm64.body.runs[0]).toMatchObject({ arch: "arm64", gate: { failed: ["HasNoProhibitedLabels"], regressed: [] } });

    // Still failing: failed, not regressed. An errored check counts as failed, and is new.
    const still = await upload(product, AMD64, failingRun("4"));
    expect(still.body.runs[0].gate).toEqual({ failed: ["HasNoProhibitedLabels"], regressed: [] });
    const errored = await upload(product, AMD64, erroredRun("5"));
    expect(errored.body.runs[0]).toMatchObject({ counts: { errors: 1, failed: 0 }, gate: { failed: ["HasLicense"], regressed: ["HasLicense"] } });

    // A duplicate answers with the stored run's gate, and a stored run reads the same gate (data.ts → runGate).
    const again = await upload(product, AMD64, failingRun("3"));
    expect(again.status).toBe(200);
    expect(again.body.runs[0]).toMatchObject({ id: broken.body.runs[0].id, duplicate: true, gate: { failed: ["HasNoProhibitedLabels"], regressed: ["HasNoProhibitedLabels"] } });
    expect(runGate(await getRun(broken.body.runs[0].id))).toEqual({ failed: ["HasNoProhibitedLabels"], regressed: ["HasNoProhibitedLabels"] });
    expect(runGate(await getRun(first.body.runs[0].id))).toEqual({ failed: ["HasNoProhibitedLabels"], regressed: [] });

    // The people who follow the component hear the same verdict: one outbox event per failed and regressed
    // run, written with the run; a passing run and a duplicate announce nothing.
    const announced = await getDb().outboxEvent.findMany({
      where: { product: { slug: product }, type: { in: ["run.failed", "run.regressed"] } },
      orderBy: [{ at: "asc" }, { type: "asc" }],
      select: { type: true, actor: true, data: true },
    });
    const ofRun = (response: typeof first, type: string) => announced.filter((e) => e.type === type && (e.data as { run: { id: string } }).run.id === response.body.runs[0].id);
    expect(announced).toHaveLength(7);
    expect(ofRun(first, "run.failed")).toEqual([
      {
        type: "run.failed",
        actor: expect.stringContaining("test-uploader-"),
        data: { run: { id: first.body.runs[0].id, component: { slug: OPERATOR, name: expect.any(String) }, tag: expect.any(String), architecture: "amd64" }, failed: ["HasNoProhibitedLabels"] },
      },
    ]);
    expect(ofRun(first, "run.regressed")).toEqual([]);
    expect(ofRun(broken, "run.regressed")).toMatchObject([{ data: { regressed: ["HasNoProhibitedLabels"], previousRunId: fixed.body.runs[0].id } }]);
    expect(ofRun(errored, "run.regressed")).toMatchObject([{ data: { regressed: ["HasLicense"] } }]);
    expect(ofRun(fixed, "run.failed")).toEqual([]);
  });

  it("leaves out a check the component's policy in force does not apply (RunAsNonRoot under a root exception)", async () => {
    const product = await productWithBacklog("gate");
    await upload(product, AMD64, passingRun("1"));
    const rootRun = passingRun("2");
    rootRun.passed = false;
    const index = rootRun.results.passed.findIndex((c) => c.name === "RunAsNonRoot");
    rootRun.results.failed.push(...rootRun.results.passed.splice(index, 1));
    const unprivileged = await upload(product, AMD64, rootRun);
    expect(unprivileged.body.runs[0].gate).toEqual({ failed: ["RunAsNonRoot"], regressed: ["RunAsNonRoot"] });

    await getDb().component.updateMany({ where: { slug: OPERATOR, product: { slug: product } }, data: { hostAccess: "privileged" } });
    rootRun.test_library.commit = "3".padStart(40, "0");
    const privileged = await upload(product, AMD64, rootRun);
    expect(privileged.body.runs[0]).toMatchObject({ passed: false, gate: { failed: [], regressed: [] } });
  });

  it("an unassigned run regresses nothing; assigning it compares it with the component's previous run", async () => {
    const product = await productWithBacklog("gate");
    await upload(product, AMD64, passingRun("1"));
    const waiting = await upload(product, "arch=amd64", failingRun("2", "quay.io/nobody-registered/thing:1.0"));
    expect(waiting.body.runs[0]).toMatchObject({ unassigned: true, gate: { failed: ["HasNoProhibitedLabels"], regressed: [] } });

    const id = waiting.body.runs[0].id as string;
    const assigned = await assignRoute(
      request(`/api/v1/preflight/runs/${id}/assign?product=${product}`, { method: "POST", body: { component: OPERATOR, force: true }, as: { token: engineer } }),
      { params: Promise.resolve({ id }) },
    );
    expect(assigned.status).toBe(200);
    expect((await assigned.json()).runs[0]).toMatchObject({ id, component: OPERATOR, gate: { failed: ["HasNoProhibitedLabels"], regressed: ["HasNoProhibitedLabels"] } });
  });

  it("carries the gate in the answer to a multipart upload and to an archive", async () => {
    const product = await productWithBacklog("gate");
    await upload(product, AMD64, passingRun("1"));
    const form = new FormData();
    form.set("results", new Blob([JSON.stringify(failingRun("2"))], { type: "application/json" }), "results.json");
    const multipart = await send(`product=${product}&${AMD64}`, form);
    expect(multipart.status).toBe(201);
    expect(multipart.body.runs[0].gate).toEqual({ failed: ["HasNoProhibitedLabels"], regressed: ["HasNoProhibitedLabels"] });

    // The architecture from the archive's amd64/ folder. HasLicense errored (new); HasNoProhibitedLabels passes again.
    const archive = await send(`product=${product}&component=${OPERATOR}`, zipSync({ "amd64/results.json": new TextEncoder().encode(JSON.stringify(erroredRun("3"))) }));
    expect(archive.status).toBe(201);
    expect(archive.body.runs[0]).toMatchObject({ arch: "amd64", gate: { failed: ["HasLicense"], regressed: ["HasLicense"] } });
  });
});
