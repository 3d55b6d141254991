import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as compareRoute } from "@/app/api/v1/preflight/runs/compare/route";
import { POST as uploadRoute } from "@/app/api/v1/preflight/runs/route";
import { disconnectDb } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { getRunComparison } from "@/lib/preflight/data";
import { createSignedInUser, createToken, request, type TestUser } from "@/tests/auth";
import { productWithBacklog } from "@/tests/db";
import { hasBacklogFixture } from "@/tests/fixtures";
import { CONTAINER_CHECKS, entry, resultsDocument } from "./test-support";

// Comparing any two runs: through the read door and the data function, on runs uploaded through
// the upload door into products of the test's own.

const OPERATOR = "neuron-openshift-operator";
let uploader = "";
let viewer: TestUser;

beforeAll(async () => {
  uploader = (await createToken("uploader")).token;
  viewer = await createSignedInUser("viewer");
});
afterAll(disconnectDb);

/** Uploads one run whose checks all pass except those named; returns its id. */
async function uploadRun(product: string, outcomes: { failed?: string[]; errors?: string[]; warning?: string[] }, arch = "amd64"): Promise<string> {
  const special = new Set([...(outcomes.failed ?? []), ...(outcomes.errors ?? []), ...(outcomes.warning ?? [])]);
  const document = resultsDocument({
    passed: CONTAINER_CHECKS.filter((name) => !special.has(name)).map((name) => entry(name)),
    failed: (outcomes.failed ?? []).map((name) => entry(name)),
    errors: (outcomes.errors ?? []).map((name) => entry(name)),
    warning: (outcomes.warning ?? []).map((name) => entry(name)),
  }, { image: `public.ecr.aws/os-partners/neuron-openshift/operator:${randomUUID().slice(0, 8)}` });
  const response = await uploadRoute(
    request(`/api/v1/preflight/runs?product=${product}&component=${OPERATOR}&arch=${arch}`, { method: "POST", body: JSON.stringify(document), as: { token: uploader } }),
    { params: Promise.resolve({}) },
  );
  expect(response.status, await response.clone().text()).toBe(201);
  const body = (await response.json()) as { runs: { id: string }[] };
  return body.runs[0]!.id;
}

function compare(query: string) {
  return compareRoute(request(`/api/v1/preflight/runs/compare?${query}`, { as: { cookie: viewer.cookie } }), { params: Promise.resolve({}) });
}

describe.skipIf(!hasBacklogFixture)("comparing two runs", () => {
  it("lists what newly failed, errored and passed, what changed otherwise and what stayed the same", async () => {
    const product = await productWithBacklog("cmp");
    const first = await uploadRun(product, { failed: ["HasLicense", "RunAsNonRoot"], warning: [] });
    await uploadRun(product, { failed: ["HasLicense"] }, "arm64");
    const last = await uploadRun(product, { failed: ["RunAsNonRoot", "BasedOnUbi"], errors: ["HasUniqueTag"], warning: ["LayerCountAcceptable"] });

    const response = await compare(`from=${first}&to=${last}&product=${product}`);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.product).toBe(product);
    expect(body.from).toMatchObject({ id: first, architecture: "amd64", passed: false, component: { slug: OPERATOR }, counts: { failed: 2 } });
    expect(body.to).toMatchObject({ id: last, counts: { failed: 2, errors: 1 } });
    expect(body.comparison).toMatchObject({
      newlyFailed: ["BasedOnUbi"],
      newlyErrored: ["HasUniqueTag"],
      newlyPassed: ["HasLicense"],
      added: [],
      removed: [],
      otherChanges: [{ name: "LayerCountAcceptable", from: "passed", to: "warned" }],
    });
    expect(body.comparison.unchanged).toContainEqual({ name: "RunAsNonRoot", outcome: "failed" });
    expect(body.comparison.unchanged).toContainEqual({ name: "HasRequiredLabel", outcome: "passed" });
    expect(body.comparison.unchanged).toHaveLength(CONTAINER_CHECKS.length - 4);

    // Backwards is allowed: the same lists, read the other way.
    const back = await getRunComparison({ from: last, to: first, product });
    expect(back.comparison).toMatchObject({ newlyFailed: ["HasLicense"], newlyPassed: ["BasedOnUbi", "HasUniqueTag", "LayerCountAcceptable"] });
  });

  it("refuses unknown ids, one run twice, runs of two products, and runs outside the product asked for", async () => {
    const [mine, other] = await Promise.all([productWithBacklog("cmp-a"), productWithBacklog("cmp-b")]);
    const a = await uploadRun(mine, { failed: ["HasLicense"] });
    const b = await uploadRun(other, { failed: ["HasLicense"] });
    const unknown = randomUUID();

    const missing = await compare(`from=${a}&to=${unknown}`);
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.message).toBe(`No preflight run ${unknown}.`);

    const twice = await compare(`from=${a}&to=${a}`);
    expect(twice.status).toBe(400);
    expect((await twice.json()).error.message).toMatch(/two different runs/);

    const mixed = await compare(`from=${a}&to=${b}`);
    expect(mixed.status).toBe(400);
    expect((await mixed.json()).error.message).toContain(`different products ("${mine}" and "${other}")`);

    const outside = await compare(`from=${a}&to=${b}&product=${other}`);
    expect(outside.status).toBe(404);
    expect((await outside.json()).error.message).toBe(`No preflight run ${a} in product "${other}".`);

    for (const query of ["", `from=${a}`, `from=${a}&to=not-a-run`]) {
      const bad = await compare(query);
      expect(bad.status, query).toBe(400);
      expect((await bad.json()).error.code).toBe("invalid");
    }
    await expect(getRunComparison({ from: a, to: unknown })).rejects.toSatisfy((e: unknown) => isAppError(e) && e.code === "not_found");
  });
});
