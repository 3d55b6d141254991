// Requirement matrix and exceptions on the demo product, after ingesting the shared fixtures
// against its components: evidence per requirement, and the privileged review of node metrics
// (declared privileged: the root policy; CTR-11 follows its exception).
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR, type Actor } from "@/lib/auth/schema";
import { getComponentBoard } from "@/lib/component-board/data";
import { updateComponent } from "@/lib/components/mutations";
import { disconnectDb, getDb } from "@/lib/db";
import { saveException } from "@/lib/exceptions/mutations";
import { ingestPreflightRuns } from "@/lib/preflight/mutations";
import { prepareUpload } from "@/lib/preflight/prepare-upload";
import { syncRequirementCatalog } from "@/lib/requirements/mutations";
import { createDemoProduct } from "@/prisma/seed";
import { fixtureAvailable, SHARED_FIXTURES } from "@/tests/fixtures";
import { asImage } from "@/tests/preflight";

const FIXTURES = path.join(SHARED_FIXTURES, "preflight");
const OPERATOR_RUN = path.join(FIXTURES, "container_1.16.0_amd64_failed_HasNoProhibitedLabels.results.json");
const MULTIARCH = ["amd64", "arm64"].map((arch) => [arch, path.join(FIXTURES, `container_1.12.1_multiarch_${arch}_passed.results.json`)] as const);
const available = [OPERATOR_RUN, ...MULTIARCH.map(([, file]) => file)].every(fixtureAvailable);

const engineer: Actor = { kind: "user", name: "Erin Engineer" };
let product = "";
let nodeMetrics = "";

async function ingest(file: string, arch: string, componentSlug: string, image?: string) {
  const bytes = image ? new TextEncoder().encode(asImage(readFileSync(file), image)) : readFileSync(file);
  const runs = prepareUpload([{ name: path.basename(file), bytes }], { arch });
  return ingestPreflightRuns({ runs, componentSlug, productSlug: product, actor: SYSTEM_ACTOR });
}

beforeAll(async () => {
  await getDb().$transaction((tx) => syncRequirementCatalog(tx));
  const created = await getDb().$transaction((tx) => createDemoProduct(tx, { slug: `demo-${randomUUID().slice(0, 8)}`, name: "Demo copy" }), { timeout: 60_000 });
  product = created.product;
  const row = await getDb().component.findFirstOrThrow({ where: { product: { slug: product }, role: "node_metrics" }, select: { slug: true } });
  nodeMetrics = row.slug;
});
afterAll(disconnectDb);

describe.skipIf(!available)("requirement matrix of the demo product", () => {
  it("shows every container requirement of the operator image with the newest run's evidence", async () => {
    await ingest(OPERATOR_RUN, "amd64", "neuron-openshift-operator", "public.ecr.aws/os-partners/neuron-openshift/operator:v0.1.4");
    const board = await getComponentBoard("neuron-openshift-operator", product);
    const byCode = new Map(board.requirements.rows.map((r) => [r.code, r]));
    expect(board.requirements.rows).toHaveLength(21);
    expect(byCode.get("CTR-07")).toMatchObject({ evidence: "failed", item: { key: "P0-2", open: true } });
    expect(byCode.get("CTR-07")?.runId).toEqual(board.history[0]?.id);
    expect(byCode.get("CTR-04")).toMatchObject({ evidence: "passed", item: { key: "P0-3", open: false } });
    // Unprivileged, on UBI: the exception requirements are not applicable; portal work waits for a sign-off.
    expect(byCode.get("CTR-11")?.evidence).toBe("not_applicable");
    expect(byCode.get("CTR-17")?.evidence).toBe("needs_sign_off");
    expect(byCode.get("CTR-14")?.evidence).toBe("needs_sign_off");
    expect(board.requirements.counts.failed).toBe(1);
    expect(board.component.policy).toBe("container");
    // The bundle-certification phase waits for this image to be published.
    expect(board.phasesWaiting.map((p) => p.key)).toEqual(["phase-3"]);
  });

  it("puts node metrics under the root policy from its declaration, and reads CTR-11 from its privileged exception", async () => {
    for (const [arch, file] of MULTIARCH) await ingest(file, arch, nodeMetrics);
    const before = await getComponentBoard(nodeMetrics, product);
    expect(before.component.policy).toBe("root");
    expect(before.component.policyReason).toBe(
      "Because it is declared privileged (host level access): the root policy applies, so RunAsNonRoot is not applicable. Red Hat reviews the declaration: its privileged exception is requested.",
    );
    expect(before.requirements.rows.find((r) => r.code === "CTR-10")).toMatchObject({ evidence: "not_applicable", detail: "The root policy does not apply RunAsNonRoot." });
    expect(before.requirements.rows.find((r) => r.code === "CTR-11")).toMatchObject({ evidence: "in_review", item: { key: "P0-6" } });
    const [exception] = before.exceptions;
    expect(exception).toMatchObject({ kind: "privileged", status: "requested" });
    // 1.12.1 is older than the last three preflight releases Certboard knows.
    expect(before.warnings).toEqual([expect.stringContaining("Preflight 1.12.1 is older than the last 3 releases")]);

    await saveException({ productSlug: product, componentSlug: nodeMetrics, kind: "privileged", write: { version: exception!.version, status: "approved", caseRef: "04012345" }, actor: engineer });
    const after = await getComponentBoard(nodeMetrics, product);
    expect(after.component.policy).toBe("root");
    expect(after.requirements.rows.find((r) => r.code === "CTR-10")).toMatchObject({ evidence: "not_applicable", detail: "The root policy does not apply RunAsNonRoot." });
    expect(after.requirements.rows.find((r) => r.code === "CTR-11")).toMatchObject({ evidence: "waived", detail: "Covered by the approved privileged exception (case 04012345)." });
    expect(after.exceptions[0]).toMatchObject({ status: "approved", decidedBy: "Erin Engineer", caseRef: "04012345" });

    const events = await getDb().itemEvent.findMany({ where: { item: { key: "P0-6", product: { slug: product } }, field: "exception" } });
    expect(events).toEqual([expect.objectContaining({ actor: "Erin Engineer", oldValue: "requested", newValue: "approved", note: "privileged exception approved (case 04012345)" })]);
  });

  it("refuses bad exception writes and changes nothing", async () => {
    const slug = "neuron-device-plugin";
    const count = () => getDb().componentException.count({ where: { component: { slug, product: { slug: product } } } });
    await expect(saveException({ productSlug: product, componentSlug: slug, kind: "scratch", write: { status: "approved" }, actor: engineer })).rejects.toMatchObject({
      code: "invalid",
      message: "justification: a approved exception needs a justification (why the image needs it).",
    });
    expect(await count()).toBe(0);
    const created = await saveException({ productSlug: product, componentSlug: slug, kind: "scratch", write: { justification: "Built FROM busybox." }, actor: engineer });
    expect(created.exception).toMatchObject({ status: "draft", version: 1 });
    await expect(saveException({ productSlug: product, componentSlug: slug, kind: "scratch", write: { status: "requested" }, actor: engineer })).rejects.toMatchObject({ code: "conflict" });
    await saveException({ productSlug: product, componentSlug: slug, kind: "scratch", write: { version: 1, status: "requested" }, actor: engineer });
    await expect(saveException({ productSlug: product, componentSlug: slug, kind: "scratch", write: { version: 1, status: "approved" }, actor: engineer })).rejects.toMatchObject({ code: "conflict" });
    await expect(saveException({ productSlug: product, componentSlug: "neuron-operator-bundle", kind: "scratch", write: { justification: "x" }, actor: engineer })).rejects.toMatchObject({ code: "invalid" });
    const board = await getComponentBoard(slug, product);
    expect(board.exceptions).toEqual([expect.objectContaining({ kind: "scratch", status: "requested", version: 2 })]);
    // A requested (not approved) scratch exception leaves the container policy in force.
    expect(board.component.policy).toBe("container");
  });

  it("settles concurrent component edits by version: one wins, the other is told", async () => {
    const { component } = await getComponentBoard("neuron-operator-bundle", product);
    const results = await Promise.allSettled(
      (["published", "in_progress"] as const).map((certificationStatus) =>
        updateComponent({ productSlug: product, slug: "neuron-operator-bundle", patch: { version: component.version, certificationStatus }, actor: { name: "test" } }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { code: "conflict" } });
    expect((await getComponentBoard("neuron-operator-bundle", product)).component.version).toBe(component.version + 1);
  });
});
