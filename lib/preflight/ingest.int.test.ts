import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getRunRoute } from "@/app/api/v1/preflight/runs/[id]/route";
import { POST } from "@/app/api/v1/preflight/runs/route";
import { getItem } from "@/lib/backlog/data";
import { eventSentence } from "@/lib/history/describe-event";
import { runName } from "@/lib/run-text";
import { disconnectDb, getDb } from "@/lib/db";
import { createToken, request } from "@/tests/auth";
import { productWithBacklog, rowCounts } from "@/tests/db";
import { BACKLOG_PATH, fixtureAvailable, SHARED_FIXTURES } from "@/tests/fixtures";
import { asImage } from "@/tests/preflight";

const PREFLIGHT = path.join(SHARED_FIXTURES, "preflight");
const FAILED_1_16 = path.join(PREFLIGHT, "container_1.16.0_amd64_failed_HasNoProhibitedLabels.results.json");
const available = fixtureAvailable(FAILED_1_16) && fixtureAvailable(BACKLOG_PATH);
const OPERATOR = "neuron-openshift-operator";
/** The genuine failing 1.16.0 run, as if of the operator image (the fixture is of another image). */
const operatorRun = () => JSON.parse(asImage(readFileSync(FAILED_1_16)));

let uploader = "";
beforeAll(async () => {
  uploader = (await createToken("uploader")).token;
});
afterAll(disconnectDb);

const newProduct = () => productWithBacklog("pf");

function upload(query: string, body: Uint8Array | string) {
  return POST(request(`/api/v1/preflight/runs?${query}`, { method: "POST", body: typeof body === "string" ? body : Buffer.from(body).toString("utf8"), as: { token: uploader } }), {
    params: Promise.resolve({}),
  });
}

const counts = rowCounts;

describe.skipIf(!available)("uploading preflight results", () => {
  it("lands a failing operator-image run on the customer's items, and a re-upload is a duplicate", async () => {
    const product = await newProduct();
    const bytes = asImage(readFileSync(FAILED_1_16));
    const response = await upload(`product=${product}&component=${OPERATOR}&arch=amd64`, bytes);
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(body.runs).toHaveLength(1);
    const [run] = body.runs;
    expect(run).toMatchObject({
      component: OPERATOR,
      arch: "amd64",
      preflightVersion: "1.16.0",
      passed: false,
      counts: { passed: 9, failed: 1, errors: 0 },
      duplicate: false,
      diff: { newlyFailed: ["HasNoProhibitedLabels"], newlyPassed: [] },
    });
    // P0-2 names HasNoProhibitedLabels and is the operator image's (phase 1 rebuilds that image): reused, not a new item.
    expect(run.items.opened).toEqual([]);
    const p02 = await getItem("P0-2", product);
    expect(p02.components.map((c) => c.slug)).toEqual([OPERATOR]);
    expect(p02.latestResult).toBe("failed");
    // P0-3 (HasLicense) passed on the only architecture: verified.
    expect(run.items.verified).toContain("P0-3");
    expect((await getItem("P0-3", product)).status).toBe("done");

    const before = await counts();
    const again = await upload(`product=${product}&component=${OPERATOR}&arch=amd64`, bytes);
    expect(again.status).toBe(200);
    expect((await again.json()).runs[0]).toMatchObject({ id: run.id, duplicate: true });
    expect(await counts()).toEqual(before);

    const detail = await getRunRoute(request(`/api/v1/preflight/runs/${run.id}`, { as: { token: (await createToken("engineer")).token } }), {
      params: Promise.resolve({ id: run.id }),
    });
    const shown = await detail.json();
    expect(shown.checks).toHaveLength(10);
    // The run changed P0-3 (verified); P0-2 already read "failed", so the run changed nothing on it.
    expect(shown.items.map((i: { key: string }) => i.key)).toEqual(["P0-3"]);
  });

  it("opens a critical blocker for a failure no item covers, and reopens a done item", async () => {
    const product = await newProduct();
    const doc = operatorRun();
    // A run where HasRequiredLabel fails: no item of the document is about it.
    const failing = structuredClone(doc);
    const labels = failing.results.passed.findIndex((c: { name: string }) => c.name === "HasRequiredLabel");
    failing.results.failed.push(...failing.results.passed.splice(labels, 1));
    const first = await (await upload(`product=${product}&component=${OPERATOR}&arch=amd64`, JSON.stringify(failing))).json();
    expect(first.runs[0].items.opened).toEqual(["PF-1"]);
    const opened = await getItem("PF-1", product);
    expect(opened).toMatchObject({ category: "critical_blocker", status: "not_started", latestResult: "failed", checkNames: ["HasRequiredLabel"] });
    // A title a person reads: the component, the check in words, its name for the record.
    const component = await getDb().component.findFirstOrThrow({ where: { slug: OPERATOR, product: { slug: product } }, select: { name: true } });
    expect(opened.title).toBe(`${component.name}: required labels check fails (HasRequiredLabel)`);

    // Fixed: every check passes → PF-1 verified. Broken again → reopened.
    const fixed = structuredClone(doc);
    fixed.passed = true;
    fixed.results.passed.push(...fixed.results.failed.splice(0));
    const second = await (await upload(`product=${product}&component=${OPERATOR}&arch=amd64`, JSON.stringify(fixed))).json();
    expect(second.runs[0].items.verified).toEqual(expect.arrayContaining(["PF-1", "P0-2"]));
    expect(second.runs[0].diff.newlyPassed).toEqual(["HasNoProhibitedLabels", "HasRequiredLabel"]);
    // Broken again (a new run: its bytes differ from the first one's).
    const again = structuredClone(failing);
    again.test_library.commit = "0000000000000000000000000000000000000001";
    const third = await (await upload(`product=${product}&component=${OPERATOR}&arch=amd64`, JSON.stringify(again))).json();
    expect(third.runs[0].items.reopened).toEqual(expect.arrayContaining(["PF-1"]));
    const reopened = await getItem("PF-1", product);
    expect(reopened.status).toBe("not_started");
    // Its history names the run by what it tested, in words: no wire value such as not_started.
    const run = await getDb().preflightRun.findUniqueOrThrow({ where: { id: third.runs[0].id }, select: { id: true, imageTag: true } });
    const reopen = reopened.history.find((e) => e.field === "status" && e.newValue === "not_started");
    expect(eventSentence(reopen!)).toBe(
      `Status changed from Done to Not started by run ${run.id.slice(0, 8)} of ${runName({ component: component.name, tag: run.imageTag, architecture: "amd64" })}: HasRequiredLabel failed; back to the status it had before preflight verified it.`,
    );
  });

  it("never changes an item a person set to needs_justification or wont_do: it flags it", async () => {
    const product = await newProduct();
    const doc = operatorRun();
    // P0-6 (needs_justification) does not name a check; point P2-3 (wont_do, about no image) at HasRequiredLabel by failing it.
    await getDb().backlogItem.updateMany({ where: { key: "P2-3", product: { slug: product } }, data: { checkNames: ["HasRequiredLabel"] } });
    const run = structuredClone(doc);
    const index = run.results.passed.findIndex((c: { name: string }) => c.name === "HasRequiredLabel");
    run.results.failed.push(...run.results.passed.splice(index, 1));
    const body = await (await upload(`product=${product}&component=${OPERATOR}&arch=amd64`, JSON.stringify(run))).json();
    expect(body.runs[0].items.flagged).toContain("P2-3");
    const p23 = await getItem("P2-3", product);
    expect(p23.status).toBe("wont_do");
    expect(p23.history).toEqual(expect.arrayContaining([expect.objectContaining({ field: "flagged", newValue: "failed" })]));
    expect(p23.history.some((e) => e.field === "status")).toBe(false);
  });

  it("reports failures the policy in force drops as not applicable, and opens nothing for them", async () => {
    const product = await newProduct();
    const component = await getDb().component.findFirstOrThrow({ where: { slug: OPERATOR, product: { slug: product } }, select: { id: true } });
    await getDb().component.update({ where: { id: component.id }, data: { hostAccess: "privileged" } });
    const run = operatorRun();
    const index = run.results.passed.findIndex((c: { name: string }) => c.name === "RunAsNonRoot");
    run.results.failed.push(...run.results.passed.splice(index, 1));

    // Declared privileged: the root policy applies (preflight reads the declaration; Red Hat reviews
    // it, which changes no check), so a RunAsNonRoot failure is evidence only, with or without approval.
    run.test_library.commit = "0000000000000000000000000000000000000002";
    const pending = await (await upload(`product=${product}&component=${OPERATOR}&arch=amd64`, JSON.stringify(run))).json();
    expect(pending.warnings.join("\n")).toMatch(/is under the root policy; RunAsNonRoot is not applicable/);
    expect(pending.runs[0].items).toMatchObject({ opened: [], reopened: [] });
    expect((await getItem("C-7", product)).status).toBe("done");

    await getDb().componentException.create({ data: { componentId: component.id, kind: "privileged", status: "approved", justification: "hardware", createdBy: "test" } });
    run.test_library.commit = "0000000000000000000000000000000000000003";
    const body = await (await upload(`product=${product}&component=${OPERATOR}&arch=amd64`, JSON.stringify(run))).json();
    expect(body.warnings.join("\n")).toMatch(/is under the root policy; RunAsNonRoot is not applicable/);
    expect(body.runs[0].items).toMatchObject({ opened: [], reopened: [] });
    expect(body.runs[0].counts.failed).toBe(2);

    // Declared unprivileged again: the container policy holds and the failure reopens the customer's own
    // compliant items about it ("Non-Root User Implementation", linked by meaning, and "Run As Non-Root"),
    // not a new PF-n.
    await getDb().component.update({ where: { id: component.id }, data: { hostAccess: "unprivileged" } });
    run.test_library.commit = "0000000000000000000000000000000000000005";
    const unprivileged = await (await upload(`product=${product}&component=${OPERATOR}&arch=amd64`, JSON.stringify(run))).json();
    expect(unprivileged.runs[0].items).toMatchObject({ opened: [], reopened: ["C-1", "C-7"] });
  });

  it("a check missing from a run changes nothing", async () => {
    const product = await newProduct();
    const run = operatorRun();
    // HasLicense (P0-3, P0-4) and HasNoProhibitedLabels (P0-2) not run at all, e.g. another policy.
    run.results.passed = run.results.passed.filter((c: { name: string }) => c.name !== "HasLicense");
    run.results.failed = [];
    run.passed = true;
    run.test_library.commit = "0000000000000000000000000000000000000004";
    const before = await Promise.all(["P0-2", "P0-3", "P0-4"].map((key) => getItem(key, product)));
    const body = await (await upload(`product=${product}&component=${OPERATOR}&arch=amd64`, JSON.stringify(run))).json();
    expect(body.runs[0].items).toEqual({ opened: [], reopened: [], verified: [], flagged: [] });
    const after = await Promise.all(["P0-2", "P0-3", "P0-4"].map((key) => getItem(key, product)));
    expect(after.map((i) => [i.status, i.version, i.history.length])).toEqual(before.map((i) => [i.status, i.version, i.history.length]));
  });

  it("stores concurrent identical uploads once and tells every client the same id", async () => {
    const product = await newProduct();
    const run = operatorRun();
    run.test_library.commit = "0000000000000000000000000000000000000003";
    const bodies = await Promise.all(
      Array.from({ length: 12 }, async () => (await upload(`product=${product}&component=${OPERATOR}&arch=amd64`, JSON.stringify(run))).json()),
    );
    const ids = new Set(bodies.map((b) => b.runs[0].id));
    expect(ids.size).toBe(1);
    expect(bodies.filter((b) => !b.runs[0].duplicate)).toHaveLength(1);
    expect(await getDb().preflightRun.count({ where: { id: [...ids][0] } })).toBe(1);
  });

  it("stores concurrent uploads of one build for several architectures, and the build's tag once", async () => {
    const product = await newProduct();
    const archs = ["amd64", "arm64", "ppc64le", "s390x"];
    // A pipeline's per-architecture jobs finish together: each round is a new tag, uploaded four ways at once.
    for (const round of [1, 2, 3]) {
      const run = operatorRun();
      run.image = `public.ecr.aws/os-partners/neuron-openshift/operator:build-${round}`;
      const responses = await Promise.all(archs.map((arch) => upload(`product=${product}&component=${OPERATOR}&arch=${arch}`, JSON.stringify(run))));
      expect(responses.map((r) => r.status)).toEqual([201, 201, 201, 201]);
      const tags = await getDb().imageTag.findMany({ where: { name: `build-${round}`, component: { slug: OPERATOR, product: { slug: product } } } });
      expect(tags).toHaveLength(1);
    }
  });

  it("refuses bad uploads with a clear error and writes nothing", async () => {
    const product = await newProduct();
    const before = await counts();
    const cases: [string, string | Uint8Array, number, string][] = [
      ["empty results.json", "", 422, "empty_results"],
      ["not JSON", "hello", 400, "invalid"],
      ["unknown component", asImage(readFileSync(FAILED_1_16)), 404, "not_found"],
    ];
    for (const [name, body, status, code] of cases) {
      const query = name === "unknown component" ? `product=${product}&component=no-such-component` : `product=${product}`;
      const response = await upload(query, body);
      expect(response.status, name).toBe(status);
      expect(await response.json(), name).toMatchObject({ error: { code } });
    }
    const wrongType = await POST(
      request(`/api/v1/preflight/runs?product=${product}`, { method: "POST", body: "x", contentType: "text/plain", as: { token: uploader } }),
      { params: Promise.resolve({}) },
    );
    expect(wrongType.status).toBe(415);
    expect(await counts()).toEqual(before);
  });
});
