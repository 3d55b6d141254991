// Evidence attaches only where a person meant it: runs of other images wait unassigned, a named
// component of another repository refuses the run unless forced, people's statuses survive machine
// evidence, and documents whose meaning is unclear are refused. Real PostgreSQL, the real route handlers.
import { readFileSync } from "node:fs";
import path from "node:path";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PATCH as patchComponentRoute } from "@/app/api/v1/components/[slug]/route";
import { POST as assignRoute } from "@/app/api/v1/preflight/runs/[id]/assign/route";
import { GET as listRunsRoute, POST as uploadRoute } from "@/app/api/v1/preflight/runs/route";
import { getItem } from "@/lib/backlog/data";
import { updateItem } from "@/lib/items/mutations";
import { getComponentBoard } from "@/lib/component-board/data";
import { disconnectDb, getDb } from "@/lib/db";
import { toAppError } from "@/lib/errors";
import { syncRequirementCatalog } from "@/lib/requirements/mutations";
import { createSignedInUser, createToken, request, type TestUser } from "@/tests/auth";
import { productWithBacklog, rowCounts } from "@/tests/db";
import { BACKLOG_PATH, fixtureAvailable, SHARED_FIXTURES } from "@/tests/fixtures";
import { asImage, OPERATOR_IMAGE } from "@/tests/preflight";

const PREFLIGHT = path.join(SHARED_FIXTURES, "preflight");
const AUDITVISION = path.join(PREFLIGHT, "container_1.16.0_amd64_failed_HasNoProhibitedLabels.results.json");
const WEBSERVER = path.join(PREFLIGHT, "container_1.15.2_amd64_passed.results.json");
const MAXSCALE_AMD64 = path.join(PREFLIGHT, "container_1.12.1_multiarch_amd64_passed.results.json");
const SWGI_ARM64 = path.join(PREFLIGHT, "container_1.16.0_arm64_passed.results.json");
const SWGI_ARM64_LOG = path.join(PREFLIGHT, "container_1.16.0_arm64_passed_submitted.preflight.log");
const available = [AUDITVISION, WEBSERVER, MAXSCALE_AMD64, SWGI_ARM64, SWGI_ARM64_LOG, BACKLOG_PATH].every(fixtureAvailable);
const OPERATOR = "neuron-openshift-operator";

let uploader = "";
let engineer: TestUser;
beforeAll(async () => {
  // The requirement matrix reads the catalog from the database: this file's own, whatever ran before.
  await getDb().$transaction((tx) => syncRequirementCatalog(tx));
  uploader = (await createToken("uploader")).token;
  engineer = await createSignedInUser("engineer");
});
afterAll(disconnectDb);

const params = <P>(value: P) => ({ params: Promise.resolve(value) });
const upload = (query: string, body: string | Buffer) => uploadRoute(request(`/api/v1/preflight/runs?${query}`, { method: "POST", body: body.toString(), as: { token: uploader } }), params({}));
const assign = (product: string, id: string, body: unknown) =>
  assignRoute(request(`/api/v1/preflight/runs/${id}/assign?product=${product}`, { method: "POST", body, as: { cookie: engineer.cookie } }), params({ id }));

/** The operator image's genuine failing run; `fail`/`pass` move checks between lists; `commit` makes the bytes new. */
function operatorRun(options: { fail?: string[]; passAll?: boolean; commit?: string; image?: string } = {}) {
  const doc = JSON.parse(asImage(readFileSync(AUDITVISION), options.image ?? OPERATOR_IMAGE));
  if (options.passAll) {
    doc.results.passed.push(...doc.results.failed.splice(0));
    doc.passed = true;
  }
  for (const name of options.fail ?? []) {
    const index = doc.results.passed.findIndex((c: { name: string }) => c.name === name);
    if (index >= 0) doc.results.failed.push(...doc.results.passed.splice(index, 1));
    doc.passed = false;
  }
  if (options.commit) doc.test_library.commit = options.commit;
  return JSON.stringify(doc);
}

const snapshot = async (product: string, key: string) => {
  const item = await getItem(key, product);
  return { status: item.status, version: item.version, events: item.history.length, components: item.components.map((c) => c.slug) };
};

describe.skipIf(!available)("attribution of uploaded runs", () => {
  it("stores a run of an image no component has as unassigned: no component created, no item changed", async () => {
    const product = await productWithBacklog("attr");
    const components = await getDb().component.count({ where: { product: { slug: product } } });
    const p02 = await snapshot(product, "P0-2");

    const response = await upload(`product=${product}`, readFileSync(AUDITVISION));
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(body.runs).toEqual([expect.objectContaining({ component: null, unassigned: true, passed: false, items: { opened: [], reopened: [], verified: [], flagged: [] } })]);
    expect(body.warnings.join("\n")).toContain("no component is registered for localhost:5000/auditvision-ui; the run is stored unassigned");
    // The customer's P0-2 (HasNoProhibitedLabels, about the operator image) is untouched, and no 9th component appeared.
    expect(await getDb().component.count({ where: { product: { slug: product } } })).toBe(components);
    expect(await snapshot(product, "P0-2")).toEqual(p02);

    const list = await listRunsRoute(request(`/api/v1/preflight/runs?product=${product}&unassigned=true`, { as: { cookie: engineer.cookie } }), params({}));
    const listed = await list.json();
    expect(listed.total).toBe(1);
    expect(listed.runs[0]).toMatchObject({ id: body.runs[0].id, component: null, unassigned: true, imageRef: "localhost:5000/auditvision-ui:test" });
    // The same document again is the same run, still waiting.
    const again = await (await upload(`product=${product}`, readFileSync(AUDITVISION))).json();
    expect(again.runs[0]).toMatchObject({ id: body.runs[0].id, duplicate: true, unassigned: true });
  });

  it("refuses a run named for a component of another repository with 409 image_mismatch, unless forced", async () => {
    const product = await productWithBacklog("attr");
    const before = await rowCounts();
    const refused = await upload(`product=${product}&component=${OPERATOR}&arch=amd64`, readFileSync(WEBSERVER));
    expect(refused.status).toBe(409);
    const { error } = await refused.json();
    expect(error).toMatchObject({
      code: "image_mismatch",
      details: { component: OPERATOR, componentRepository: "public.ecr.aws/os-partners/neuron-openshift/operator", runRepository: "quay.io/philip860/webserver-operator" },
    });
    expect(error.message).toContain("the run is of quay.io/philip860/webserver-operator, but component neuron-openshift-operator is public.ecr.aws/os-partners/neuron-openshift/operator");
    expect(await rowCounts()).toEqual(before);

    const forced = await upload(`product=${product}&component=${OPERATOR}&arch=amd64&force=true`, readFileSync(WEBSERVER));
    expect(forced.status).toBe(201);
    const body = await forced.json();
    expect(body.runs[0]).toMatchObject({ component: OPERATOR, unassigned: false });
    const run = await getDb().preflightRun.findUniqueOrThrow({ where: { id: body.runs[0].id }, select: { warnings: true } });
    expect(run.warnings).toEqual(expect.arrayContaining([expect.stringMatching(/^Attached to neuron-openshift-operator by hand by token test-uploader-\w+ \(force\), although its image quay\.io\/philip860\/webserver-operator is not the component's repository/)]));
    // A person said it is this component's run, so its tag is recorded on it too.
    expect(await getDb().imageTag.count({ where: { name: "v1.0.30", component: { slug: OPERATOR, product: { slug: product } } } })).toBe(1);
  });

  it("lets a component with no repository adopt the run's on its first run, and says so", async () => {
    const product = await productWithBacklog("attr");
    const placeholder = await getDb().component.findFirstOrThrow({ where: { product: { slug: product }, placeholder: true }, select: { slug: true } });
    const body = await (await upload(`product=${product}&component=${placeholder.slug}&arch=amd64`, readFileSync(MAXSCALE_AMD64))).json();
    expect(body.warnings).toEqual([`results.json: ${placeholder.slug} had no registered repository; it now has docker.io/mariadb/maxscale, from this run.`]);
    expect(await getDb().component.findFirstOrThrow({ where: { product: { slug: product }, slug: placeholder.slug }, select: { registry: true, repository: true, placeholder: true } })).toEqual({
      registry: "docker.io",
      repository: "mariadb/maxscale",
      placeholder: false,
    });
    // From now on it is that repository's component: another image is refused.
    expect((await upload(`product=${product}&component=${placeholder.slug}`, readFileSync(WEBSERVER))).status).toBe(409);
  });

  it("assigns an unassigned run to a named component or a new one, reconciling it then, under the same mismatch rule", async () => {
    const product = await productWithBacklog("attr");
    const stored = await (await upload(`product=${product}&arch=amd64`, operatorRun({ image: "quay.io/acme/widget:2.0", passAll: true, fail: ["HasRequiredLabel"] }))).json();
    const id = stored.runs[0].id as string;
    expect(stored.runs[0]).toMatchObject({ unassigned: true, items: { opened: [] } });

    const mismatch = await assign(product, id, { component: OPERATOR });
    expect(mismatch.status).toBe(409);
    expect((await mismatch.json()).error.code).toBe("image_mismatch");
    expect(await getDb().preflightRun.findUniqueOrThrow({ where: { id }, select: { componentId: true } })).toEqual({ componentId: null });
    expect((await assign(product, id, { component: OPERATOR, createComponent: true })).status).toBe(400);
    expect((await assign(product, id, {})).status).toBe(400);

    const created = await assign(product, id, { createComponent: true });
    expect(created.status).toBe(200);
    const body = await created.json();
    expect(body.runs[0]).toMatchObject({ id, component: "widget", unassigned: false, duplicate: false, items: { opened: ["PF-1"] } });
    expect(body.warnings).toEqual(expect.arrayContaining([expect.stringContaining('created component "widget" for quay.io/acme/widget')]));
    expect((await getItem("PF-1", product)).components.map((c) => c.slug)).toEqual(["widget"]);
    const run = await getDb().preflightRun.findUniqueOrThrow({ where: { id }, select: { assignedBy: true, assignedAt: true, warnings: true } });
    expect(run).toMatchObject({ assignedBy: engineer.name, warnings: expect.arrayContaining([`Assigned to widget by ${engineer.name}.`]) });

    const twice = await assign(product, id, { component: "widget" });
    expect(twice.status).toBe(409);
    expect((await twice.json()).error.message).toContain("already attached to widget");
    const unknown = await assign(product, "00000000-0000-4000-8000-000000000000", { component: OPERATOR });
    expect(unknown.status).toBe(404);
  });

  it("refuses a document whose passed, results lists or tool are not preflight's, with 400 invalid and a sentence", async () => {
    const product = await productWithBacklog("attr");
    const base = JSON.parse(operatorRun());
    const cases: [string, Record<string, unknown>, string][] = [
      ["passed: \"yes\"", { ...base, passed: "yes", test_library: { ...base.test_library, name: "n" } }, '"passed" must be true or false, not the text "yes"'],
      ["failed: {}", { ...base, results: { ...base.results, failed: {} } }, '"results.failed" must be a list of checks'],
      ["another tool", { ...base, test_library: { ...base.test_library, name: "n" } }, '"test_library.name" is the text "n"; results come from preflight'],
    ];
    const before = await rowCounts();
    for (const [name, document, sentence] of cases) {
      const response = await upload(`product=${product}`, JSON.stringify(document));
      expect(response.status, name).toBe(400);
      const { error } = await response.json();
      expect(error.code, name).toBe("invalid");
      expect(error.message, name).toContain(sentence);
    }
    expect(await rowCounts()).toEqual(before);
  });
});

describe.skipIf(!available)("people win over machines", () => {
  it("restores P0-4 to In progress when a failure reopens what a passing run verified, and says so", async () => {
    const product = await productWithBacklog("people");
    const { version } = await getItem("P0-4", product);
    await updateItem({ productSlug: product, key: "P0-4", patch: { version, status: "in_progress" }, actor: { kind: "user", name: "Pat" } });

    const pass = await (await upload(`product=${product}&component=${OPERATOR}&arch=amd64`, operatorRun({ passAll: true }))).json();
    expect(pass.runs[0].items.verified).toContain("P0-4");
    expect((await getItem("P0-4", product)).status).toBe("done");

    const fail = await (await upload(`product=${product}&component=${OPERATOR}&arch=amd64`, operatorRun({ commit: "1111111111111111111111111111111111111111" }))).json();
    expect(fail.runs[0].items.reopened).toContain("P0-4");
    const p04 = await getItem("P0-4", product);
    expect(p04.status).toBe("in_progress");
    expect(p04.history.find((e) => e.field === "status")).toMatchObject({
      oldValue: "done",
      newValue: "in_progress",
      note: "HasNoProhibitedLabels failed; back to the status it had before preflight verified it",
    });
  });

  it("never moves an item a person set to in progress, blocked or in review on a failure; it records the result", async () => {
    const product = await productWithBacklog("people");
    for (const [key, status] of [["P0-2", "in_review"], ["P0-3", "blocked"], ["P0-4", "in_progress"]] as const) {
      const { version } = await getItem(key, product);
      await updateItem({ productSlug: product, key, patch: { version, status }, actor: { kind: "user", name: "Pat" } });
    }
    const body = await (await upload(`product=${product}&component=${OPERATOR}&arch=amd64`, operatorRun({ fail: ["HasLicense"] }))).json();
    expect(body.runs[0].items).toMatchObject({ opened: [], reopened: [], verified: [] });
    expect((await getItem("P0-2", product)).status).toBe("in_review");
    expect((await getItem("P0-4", product)).status).toBe("in_progress");
    const p03 = await getItem("P0-3", product);
    expect(p03).toMatchObject({ status: "blocked", latestResult: "failed" });
  });

  it("waits for every expected architecture before verifying, and warns about the missing one", async () => {
    const product = await productWithBacklog("archs");
    const board = await getComponentBoard(OPERATOR, product);
    const patch = await patchComponentRoute(
      request(`/api/v1/components/${OPERATOR}?product=${product}`, { method: "PATCH", body: { version: board.component.version, architectures: ["amd64", "arm64"] }, as: { cookie: engineer.cookie } }),
      params({ slug: OPERATOR }),
    );
    expect(patch.status).toBe(200);
    const amd64 = await (await upload(`product=${product}&component=${OPERATOR}&arch=amd64`, operatorRun({ passAll: true }))).json();
    expect(amd64.runs[0].items.verified).toEqual([]);
    const waiting = await getComponentBoard(OPERATOR, product);
    expect(waiting.component).toMatchObject({ architectures: ["amd64", "arm64"], architecturesSetBy: engineer.name });
    expect(waiting.warnings).toEqual(expect.arrayContaining([expect.stringContaining("No run on arm64 yet: arm64 is an expected architecture")]));
    expect(waiting.requirements.rows.find((r) => r.code === "CTR-04")).toMatchObject({ evidence: "not_run", detail: "Newest run per architecture: amd64 passed, arm64 not run." });
    const arm64 = await (await upload(`product=${product}&component=${OPERATOR}&arch=arm64`, operatorRun({ passAll: true }))).json();
    expect(arm64.runs[0].items.verified).toEqual(expect.arrayContaining(["P0-2", "P0-3", "P0-4"]));

    const invalid = await patchComponentRoute(
      request(`/api/v1/components/${OPERATOR}?product=${product}`, { method: "PATCH", body: { version: 2, architectures: ["x86"] }, as: { cookie: engineer.cookie } }),
      params({ slug: OPERATOR }),
    );
    expect(invalid.status).toBe(400);
  });

  it("marks a run whose preflight.log says it was submitted, keeps the Connect links, and counts it as CTR-15's evidence", async () => {
    const product = await productWithBacklog("submitted");
    const form = new FormData();
    form.append("results", new Blob([asImage(readFileSync(SWGI_ARM64))]), "arm64/results.json");
    form.append("log", new Blob([readFileSync(SWGI_ARM64_LOG)]), "preflight.log");
    const url = `http://localhost/api/v1/preflight/runs?product=${product}&component=${OPERATOR}`;
    const response = await uploadRoute(new NextRequest(url, { method: "POST", headers: { authorization: `Bearer ${uploader}` }, body: form }), params({}));
    expect(response.status, await response.clone().text()).toBe(201);
    const body = await response.json();
    expect(body.runs[0]).toMatchObject({ arch: "arm64", submitted: true });
    expect(body.warnings.join("\n")).toContain("now has Partner Connect project 69ca29da0b2dfa07b4d30831, from the submitted run's preflight.log");
    const board = await getComponentBoard(OPERATOR, product);
    expect(board.component).toMatchObject({ connectProjectId: "69ca29da0b2dfa07b4d30831", connectProjectUrl: "https://connect.redhat.com/component/view/69ca29da0b2dfa07b4d30831" });
    const ctr15 = board.requirements.rows.find((r) => r.code === "CTR-15")!;
    expect(ctr15).toMatchObject({ evidence: "passed", runId: body.runs[0].id });
    expect(ctr15.urls).toContain("https://connect.redhat.com/component/view/69ca29da0b2dfa07b4d30831/certification/test-results/69cc5232986bae85a5888fb1");
  });

  it("keeps the Partner Connect project id to 24 hexadecimal characters", async () => {
    const product = await productWithBacklog("connect");
    const patch = (body: unknown) =>
      patchComponentRoute(request(`/api/v1/components/${OPERATOR}?product=${product}`, { method: "PATCH", body, as: { cookie: engineer.cookie } }), params({ slug: OPERATOR }));
    const bad = await patch({ version: 1, connectProjectId: "ospid-1234" });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toContain("24 hexadecimal characters");
    const good = await patch({ version: 1, connectProjectId: "695DA2556E8A9DA931220FDA" });
    expect(good.status).toBe(200);
    expect((await good.json()).component).toMatchObject({ connectProjectId: "695da2556e8a9da931220fda", connectProjectUrl: "https://connect.redhat.com/component/view/695da2556e8a9da931220fda" });
  });
});

describe.skipIf(!available)("database errors map to the error contract", () => {
  it("turns a lost race on a unique key into 409 and a vanished row into 404, never a 500", async () => {
    const product = await productWithBacklog("races");
    const component = await getDb().component.findFirstOrThrow({ where: { product: { slug: product } }, select: { id: true } });
    await getDb().imageTag.create({ data: { componentId: component.id, name: "race" } });
    const duplicate = await getDb().imageTag.create({ data: { componentId: component.id, name: "race" } }).catch((error: unknown) => error);
    expect(toAppError(duplicate)).toMatchObject({ code: "conflict", status: 409 });
    const vanished = await getDb().imageTag.update({ where: { id: "00000000-0000-4000-8000-000000000000" }, data: { name: "x" } }).catch((error: unknown) => error);
    expect(toAppError(vanished)).toMatchObject({ code: "not_found", status: 404 });
  });
});
