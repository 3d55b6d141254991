// "What remains before we are listed?" on real PostgreSQL: the demo product's facts, OPB-01 derived
// from the bundle's images, sign-offs of requirements no preflight check verifies (through the real
// route handlers), and a product taken all the way to listed.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PUT as componentSignOffRoute } from "@/app/api/v1/components/[slug]/requirements/[code]/route";
import { PUT as productSignOffRoute } from "@/app/api/v1/products/[slug]/requirements/[code]/route";
import { GET as readinessRoute } from "@/app/api/v1/readiness/route";
import { getItem } from "@/lib/backlog/data";
import { getComponentBoard } from "@/lib/component-board/data";
import { disconnectDb, getDb } from "@/lib/db";
import { ingestPreflightRuns } from "@/lib/preflight/mutations";
import { prepareUpload } from "@/lib/preflight/prepare-upload";
import { CONTAINER_CHECKS, entry, jsonBytes, resultsDocument } from "@/lib/preflight/test-support";
import { getReadiness } from "@/lib/readiness/data";
import { syncRequirementCatalog } from "@/lib/requirements/mutations";
import { createDemoProduct } from "@/prisma/seed";
import { createSignedInUser, request, type TestUser } from "@/tests/auth";
import { rowCounts } from "@/tests/db";

const BUNDLE = "neuron-operator-bundle";
const SIX = ["kube-scheduler", "neuron-device-plugin", "neuron-driver", "neuron-openshift-operator", "neuron-scheduler", "node-metrics-image"];

let engineer: TestUser;
let viewer: TestUser;
let demo = "";
beforeAll(async () => {
  await getDb().$transaction((tx) => syncRequirementCatalog(tx));
  [engineer, viewer] = await Promise.all([createSignedInUser("engineer"), createSignedInUser("viewer")]);
  demo = (await getDb().$transaction((tx) => createDemoProduct(tx, { slug: `demo-${randomUUID().slice(0, 8)}`, name: "Demo copy" }), { timeout: 60_000 })).product;
});
afterAll(disconnectDb);

const params = <P>(value: P) => ({ params: Promise.resolve(value) });
const signOff = (product: string, slug: string, code: string, body: unknown, who: TestUser = engineer) =>
  componentSignOffRoute(
    request(`/api/v1/components/${slug}/requirements/${code}?product=${product}`, { method: "PUT", body, as: { cookie: who.cookie } }),
    params({ slug, code }),
  );
const row = <R extends { code: string }>(rows: R[], code: string) => rows.find((r) => r.code === code);

describe("the demo product follows its sources", () => {
  it("declares the driver and the EKS scheduler not UBI, with a draft scratch exception for the driver", async () => {
    const driver = await getComponentBoard("neuron-driver", demo);
    expect(driver.component.osContentType).toBe("non_ubi");
    expect(driver.exceptions).toEqual([expect.objectContaining({ kind: "scratch", status: "draft" })]);
    expect(row(driver.requirements.rows, "CTR-16")).toMatchObject({ evidence: "not_requested", detail: "Its base is declared not UBI: request the scratch exception (it is a draft)." });
    const scheduler = await getComponentBoard("kube-scheduler", demo);
    expect(scheduler.component).toMatchObject({ osContentType: "non_ubi", policy: "container" });
  });

  it("links the items to the components the document names, and P0-1 to the bundle's OPB-01", async () => {
    expect((await getItem("P0-2", demo)).components.map((c) => c.slug)).toEqual(["neuron-openshift-operator"]);
    expect((await getItem("P0-6", demo)).components.map((c) => c.slug)).toEqual(["node-metrics-image"]);
    expect((await getItem("C-2", demo)).components.map((c) => c.slug)).toEqual(["neuron-openshift-operator"]);
    const p01 = await getItem("P0-1", demo);
    expect(p01.components.map((c) => c.slug)).toEqual(expect.arrayContaining([BUNDLE, "neuron-driver"]));
    const stored = await getDb().backlogItem.findFirstOrThrow({ where: { key: "P0-1", product: { slug: demo } }, select: { requirementCodes: true } });
    expect(stored.requirementCodes).toContain("OPB-01");
  });

  it("puts node metrics under the root policy by its declaration, with CTR-11 in review", async () => {
    const board = await getComponentBoard("node-metrics-image", demo);
    expect(board.component.policy).toBe("root");
    expect(row(board.requirements.rows, "CTR-10")?.evidence).toBe("not_applicable");
    expect(row(board.requirements.rows, "CTR-11")).toMatchObject({ evidence: "in_review", signOffAllowed: false });
  });
});

describe("OPB-01 on the bundle", () => {
  it("fails naming each referenced image not yet published, tracked by P0-1, and passes once all are", async () => {
    const product = (await getDb().$transaction((tx) => createDemoProduct(tx, { slug: `opb-${randomUUID().slice(0, 8)}`, name: "OPB copy" }), { timeout: 60_000 })).product;
    const before = await getComponentBoard(BUNDLE, product);
    const opb01 = row(before.requirements.rows, "OPB-01") as (typeof before.requirements.rows)[number];
    expect(opb01).toMatchObject({ evidence: "failed", item: { key: "P0-1" } });
    expect(opb01.detail).toMatch(/^6 of 6 referenced images not yet published: /);
    expect(opb01.components.map((c) => c.slug).sort()).toEqual(SIX);
    expect(before.component.references.map((r) => r.slug).sort()).toEqual(SIX);
    expect(before.remaining.map((r) => r.code)).toContain("OPB-01");

    await getDb().component.updateMany({ where: { product: { slug: product }, slug: { in: SIX.slice(1) } }, data: { certificationStatus: "published" } });
    const almost = row((await getComponentBoard(BUNDLE, product)).requirements.rows, "OPB-01");
    expect(almost).toMatchObject({ evidence: "failed", detail: "1 of 6 referenced images not yet published: EKS kube-scheduler (not created)." });
    await getDb().component.updateMany({ where: { product: { slug: product }, slug: SIX[0] }, data: { certificationStatus: "published" } });
    const after = await getComponentBoard(BUNDLE, product);
    expect(row(after.requirements.rows, "OPB-01")).toMatchObject({ evidence: "passed", detail: "Every referenced image is published (6)." });
    expect(after.remaining.map((r) => r.code)).not.toContain("OPB-01");
  });
});

describe("sign-offs", () => {
  it("records an engineer's sign-off with note and link, in the matrix, its history and the tracking item's history", async () => {
    const response = await signOff(demo, "neuron-driver", "CTR-17", { status: "met", note: "Repository page complete", link: "https://connect.redhat.com/component/view/x/repository" });
    expect(response.status, await response.clone().text()).toBe(200);
    const { signOff: view, board } = await response.json();
    expect(view).toMatchObject({ status: "met", by: engineer.name, expired: false, link: "https://connect.redhat.com/component/view/x/repository" });
    expect(row(board.requirements.rows, "CTR-17")).toMatchObject({ evidence: "attested", signOff: { status: "met", note: "Repository page complete" } });
    expect(board.remaining.map((r: { code: string }) => r.code)).not.toContain("CTR-17");
    // P0-1 tracks CTR-17 for the driver: the sign-off is in its history too.
    const p01 = await getItem("P0-1", demo);
    expect(p01.history).toEqual(expect.arrayContaining([expect.objectContaining({ field: "signOff", newValue: "met", actor: engineer.name, note: "CTR-17 signed off met for neuron-driver: Repository page complete" })]));

    // A second sign-off is in force; the first stays in the history.
    await signOff(demo, "neuron-driver", "CTR-17", { status: "not_met", note: "Summary missing after all" });
    const again = await getComponentBoard("neuron-driver", demo);
    expect(row(again.requirements.rows, "CTR-17")?.evidence).toBe("not_met");
    expect(again.signOffHistory.filter((s) => s.code === "CTR-17").map((s) => s.status)).toEqual(["not_met", "met"]);
  });

  it("shows an expired sign-off as stale, and lets preflight evidence win on rows a current check verifies", async () => {
    await getDb().requirementSignOff.create({
      data: {
        productId: (await getDb().product.findUniqueOrThrow({ where: { slug: demo } })).id,
        componentId: (await getDb().component.findFirstOrThrow({ where: { slug: "neuron-device-plugin", product: { slug: demo } } })).id,
        subject: (await getDb().component.findFirstOrThrow({ where: { slug: "neuron-device-plugin", product: { slug: demo } } })).id,
        code: "CTR-20",
        status: "met",
        expiresAt: new Date(Date.now() - 86_400_000),
        actor: "Ada",
      },
    });
    expect(row((await getComponentBoard("neuron-device-plugin", demo)).requirements.rows, "CTR-20")).toMatchObject({ evidence: "stale", signOff: { expired: true } });

    expect((await signOff(demo, "neuron-scheduler", "CTR-04", { status: "not_applicable", note: "No license needed" })).status).toBe(200);
    expect(row((await getComponentBoard("neuron-scheduler", demo)).requirements.rows, "CTR-04")?.evidence).toBe("not_applicable");
    const run = resultsDocument({ passed: CONTAINER_CHECKS.filter((n) => n !== "HasLicense").map((n) => entry(n)), failed: [entry("HasLicense")] }, { image: "public.ecr.aws/neuron/neuron-scheduler:2.30.0.0" });
    await ingestPreflightRuns({ runs: prepareUpload([{ name: "results.json", bytes: jsonBytes(run) }], { arch: "amd64" }), productSlug: demo, actor: { kind: "system", name: "test" } });
    expect(row((await getComponentBoard("neuron-scheduler", demo)).requirements.rows, "CTR-04")?.evidence).toBe("failed");
  });

  it("refuses what it must, with a clear error and nothing written", async () => {
    const before = await rowCounts();
    const cases: [string, Promise<Response>, number, string, RegExp][] = [
      ["no note for not_applicable", signOff(demo, "neuron-driver", "CTR-19", { status: "not_applicable" }), 400, "invalid", /note: say why the requirement does not apply/],
      ["unknown status", signOff(demo, "neuron-driver", "CTR-19", { status: "done" }), 400, "invalid", /status: one of met, not_met, not_applicable/],
      ["not a link", signOff(demo, "neuron-driver", "CTR-19", { status: "met", link: "javascript:alert(1)" }), 400, "invalid", /link: an http\(s\) address/],
      ["bad date", signOff(demo, "neuron-driver", "CTR-19", { status: "met", expiresAt: "soon" }), 400, "invalid", /expiresAt/],
      ["exception row", signOff(demo, "node-metrics-image", "CTR-11", { status: "met" }), 400, "invalid", /CTR-11 follows the privileged exception/],
      ["bundle code on an image", signOff(demo, "neuron-driver", "OPB-05", { status: "met" }), 400, "invalid", /OPB-05 is a requirement of operator bundles, not of component neuron-driver/],
      ["unknown code", signOff(demo, "neuron-driver", "CTR-99", { status: "met" }), 404, "not_found", /No requirement "CTR-99"/],
      ["unknown component", signOff(demo, "nope", "CTR-19", { status: "met" }), 404, "not_found", /No component "nope"/],
      ["a viewer", signOff(demo, "neuron-driver", "CTR-19", { status: "met" }, viewer), 403, "forbidden", /./],
    ];
    for (const [name, pending, status, code, message] of cases) {
      const response = await pending;
      expect(response.status, name).toBe(status);
      const { error } = await response.json();
      expect(error.code, name).toBe(code);
      expect(error.message, name).toMatch(message);
    }
    expect(await rowCounts()).toEqual(before);
  });
});

describe("what remains before we are listed", () => {
  it("answers per component and for the listing, leaving out Red Hat's own images", async () => {
    const response = await readinessRoute(request(`/api/v1/readiness?product=${demo}`, { as: { cookie: viewer.cookie } }), params({}));
    expect(response.status).toBe(200);
    const readiness = await response.json();
    expect(readiness.listed).toBe(false);
    expect(readiness.components.map((c: { slug: string }) => c.slug)).not.toContain("ose-kube-scheduler");
    expect(readiness.components.map((c: { slug: string }) => c.slug)).toEqual(expect.arrayContaining([BUNDLE, ...SIX]));
    const operator = readiness.components.find((c: { slug: string }) => c.slug === "neuron-openshift-operator");
    expect(operator).toMatchObject({ certificationStatus: "in_progress", ready: false });
    expect(operator.remaining.map((r: { code: string }) => r.code)).toEqual(expect.arrayContaining(["CTR-01", "CTR-15", "CTR-17"]));
    expect(operator.remaining.find((r: { code: string }) => r.code === "CTR-17")).toMatchObject({ evidence: "needs_sign_off", item: null });
    // P0-1 tracks the portal work for the five images it names.
    const driver = readiness.components.find((c: { slug: string }) => c.slug === "neuron-driver");
    expect(driver.remaining.find((r: { code: string }) => r.code === "CTR-18")).toMatchObject({ evidence: "needs_sign_off", item: { key: "P0-1" } });
    // Optional and maintenance requirements never hold a listing back.
    expect(operator.remaining.map((r: { code: string }) => r.code)).not.toContain("CTR-13");
    expect(readiness.product.remaining.map((r: { code: string }) => r.code)).toEqual(["PRD-01", "PRD-02", "PRD-03", "PRD-04", "PRD-05", "PRD-06"]);
  });

  it("reaches listed once every requirement of every component and of the listing is settled", async () => {
    const slug = `listed-${randomUUID().slice(0, 8)}`;
    const db = getDb();
    const product = await db.product.create({ data: { slug, name: "Listed" } });
    await db.component.create({
      data: { productId: product.id, slug: "app", name: "App", registry: "quay.io", repository: "acme/app", osContentType: "ubi", certificationStatus: "in_progress" },
    });
    const passing = resultsDocument({ passed: CONTAINER_CHECKS.map((n) => entry(n)) }, { image: "quay.io/acme/app:1.0" });
    await ingestPreflightRuns({ runs: prepareUpload([{ name: "results.json", bytes: jsonBytes(passing) }], { arch: "amd64" }), productSlug: slug, actor: { kind: "system", name: "test" } });
    let readiness = await getReadiness(slug);
    const todo = readiness.components[0]!.remaining.map((r) => r.code);
    expect(todo).toEqual(["CTR-12", "CTR-14", "CTR-15", "CTR-17", "CTR-18", "CTR-19", "CTR-20", "CTR-21"]);
    for (const code of todo) {
      const body = code === "CTR-19" ? { status: "not_applicable", note: "Hosted in our own registry" } : { status: "met", note: "Done in Partner Connect" };
      expect((await signOff(slug, "app", code, body)).status, code).toBe(200);
    }
    readiness = await getReadiness(slug);
    expect(readiness.components[0]).toMatchObject({ ready: true, remaining: [] });
    expect(readiness.product.remaining.map((r) => r.code)).toEqual(["PRD-01", "PRD-02", "PRD-03", "PRD-04", "PRD-05", "PRD-06"]);

    await db.component.updateMany({ where: { productId: product.id }, data: { certificationStatus: "published" } });
    for (const code of ["PRD-01", "PRD-02", "PRD-03", "PRD-06"]) {
      const response = await productSignOffRoute(
        request(`/api/v1/products/${slug}/requirements/${code}`, { method: "PUT", body: { status: "met", note: "Listing page complete" }, as: { cookie: engineer.cookie } }),
        params({ slug, code }),
      );
      expect(response.status, code).toBe(200);
    }
    readiness = await getReadiness(slug);
    expect(readiness.product.remaining).toEqual([]);
    expect(readiness.listed).toBe(true);
  });
});
