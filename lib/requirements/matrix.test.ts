import { describe, expect, it } from "vitest";
import { requirementsForType } from "@/lib/requirements/catalog";
import {
  countEvidence,
  productMatrix,
  requirementMatrix,
  type CheckEvidence,
  type MatrixComponent,
  type MatrixItem,
  type SignOffFact,
} from "@/lib/requirements/matrix";

const container = requirementsForType("container");
const bundle = requirementsForType("operator_bundle");
const component: MatrixComponent = {
  hostAccess: "unprivileged",
  osContentType: "ubi",
  policy: "container",
  exceptions: [],
  architectures: [],
  references: null,
  submissions: [],
  grades: [],
};
const NOW = new Date(Date.UTC(2026, 11, 4));
const at = (day: number) => new Date(Date.UTC(2026, 10, day));
const check = (checkName: string, outcome: string, architecture: string, day: number, runId = `run-${day}-${architecture}`): CheckEvidence => ({
  checkName,
  outcome,
  architecture,
  runId,
  at: at(day),
});
const signOff = (code: string, over: Partial<SignOffFact> = {}): SignOffFact => ({
  code,
  status: "met",
  note: "",
  link: null,
  expiresAt: null,
  actor: "Ada",
  createdAt: at(20),
  ...over,
});
const row = (rows: ReturnType<typeof requirementMatrix>, code: string) => rows.find((r) => r.code === code)!;
const matrix = (c: Partial<MatrixComponent>, checks: CheckEvidence[] = [], items: MatrixItem[] = [], signOffs: SignOffFact[] = []) =>
  requirementMatrix(container, { ...component, ...c }, checks, items, signOffs, NOW);

describe("requirement matrix", () => {
  it("lists every container requirement once, in catalog order", () => {
    const rows = matrix({});
    expect(rows.map((r) => r.code)).toEqual(container.map((r) => r.code));
    expect(rows).toHaveLength(21);
  });

  it("takes the newest run per architecture and reports the worst of them", () => {
    const checks = [check("RunAsNonRoot", "failed", "amd64", 1), check("RunAsNonRoot", "passed", "amd64", 3), check("RunAsNonRoot", "errored", "arm64", 2)];
    const r = row(matrix({}, checks), "CTR-10");
    expect(r.evidence).toBe("errored");
    expect(r.runId).toBe("run-2-arm64");
    expect(r.architectures).toEqual([
      { architecture: "amd64", outcome: "passed", runId: "run-3-amd64" },
      { architecture: "arm64", outcome: "errored", runId: "run-2-arm64" },
    ]);
    expect(row(matrix({}, checks.slice(0, 2)), "CTR-10").evidence).toBe("passed");
  });

  it("counts an expected architecture without a run as not run", () => {
    const r = row(matrix({ architectures: ["amd64", "arm64"] }, [check("HasLicense", "passed", "amd64", 3)]), "CTR-04");
    expect(r).toMatchObject({ evidence: "not_run", detail: "Newest run per architecture: amd64 passed, arm64 not run.", runId: "run-3-amd64" });
  });

  it("says not run for a preflight requirement without evidence, and asks a person to sign off portal work", () => {
    const rows = matrix({});
    expect(row(rows, "CTR-04").evidence).toBe("not_run");
    expect(row(rows, "CTR-17")).toMatchObject({ evidence: "needs_sign_off", detail: "Checked outside preflight: sign it off when done.", signOffAllowed: true });
    expect(row(rows, "CTR-14").evidence).toBe("needs_sign_off");
  });

  it("shows a sign-off as attested, not met, not applicable or stale, with who and when", () => {
    const rows = matrix({}, [], [], [
      signOff("CTR-17", { status: "met", note: "Repository page filled in", link: "https://connect.redhat.com/x", createdAt: at(10) }),
      signOff("CTR-17", { status: "not_met", createdAt: at(9) }),
      signOff("CTR-18", { status: "not_met", note: "Auto-publish undecided" }),
      signOff("CTR-19", { status: "not_applicable", note: "Hosted in our own registry" }),
      signOff("CTR-20", { expiresAt: at(30) }),
    ]);
    expect(row(rows, "CTR-17")).toMatchObject({
      evidence: "attested",
      detail: "Attested by Ada on 2026-11-10: Repository page filled in",
      signOff: { status: "met", by: "Ada", link: "https://connect.redhat.com/x", expired: false },
    });
    expect(row(rows, "CTR-18").evidence).toBe("not_met");
    expect(row(rows, "CTR-19")).toMatchObject({ evidence: "not_applicable", detail: "Not applicable, said Ada on 2026-11-20: Hosted in our own registry" });
    expect(row(rows, "CTR-20")).toMatchObject({ evidence: "stale", signOff: { expired: true } });
    expect(row(rows, "CTR-20").detail).toContain("expired on 2026-11-30");
  });

  it("lets preflight evidence win over a sign-off for rows a current check verifies", () => {
    const signed = [signOff("CTR-04", { status: "not_applicable", note: "n/a" })];
    expect(row(matrix({}, [], [], signed), "CTR-04")).toMatchObject({ evidence: "not_applicable", signOffAllowed: true });
    // With a run, preflight decides: the sign-off stays on record, shadowed, and the row offers none.
    expect(row(matrix({}, [check("HasLicense", "failed", "amd64", 2)], [], signed), "CTR-04")).toMatchObject({ evidence: "failed", signOffAllowed: false, signOff: { status: "not_applicable" } });
  });

  it("links the open item that tracks the requirement by code or by check", () => {
    const items: MatrixItem[] = [
      { key: "C-1", title: "done earlier", status: "done", open: false, checkNames: ["HasLicense"], requirementCodes: [] },
      { key: "PF-2", title: "licenses", status: "in_progress", open: true, checkNames: ["HasLicense"], requirementCodes: [] },
      { key: "P0-4", title: "rebuild", status: "not_started", open: true, checkNames: ["HasLicense", "HasRequiredLabel"], requirementCodes: [] },
      { key: "P0-1", title: "portal", status: "not_started", open: true, checkNames: [], requirementCodes: ["CTR-17"] },
    ];
    const rows = matrix({}, [], items);
    expect(row(rows, "CTR-04").item).toEqual({ key: "PF-2", status: "in_progress", open: true });
    expect(row(rows, "CTR-17")).toMatchObject({ evidence: "needs_sign_off", detail: "Checked outside preflight; tracked by P0-1. Sign it off when done." });
    expect(row(rows, "CTR-05").item).toBeNull();
    // An item about several requirements is linked only where no dedicated item exists.
    expect(row(rows, "CTR-06").item).toEqual({ key: "P0-4", status: "not_started", open: true });
    expect(row(matrix({}, [], [items[0]!, items[2]!]), "CTR-04").item).toEqual({ key: "C-1", status: "done", open: false });
  });

  it("reads the privileged review from the exception: in review, waived, failed; the root policy from the declaration", () => {
    const privileged = { hostAccess: "privileged", policy: "root" };
    const checks = [check("RunAsNonRoot", "failed", "amd64", 1)];
    expect(row(matrix({ ...privileged }, checks), "CTR-11")).toMatchObject({ evidence: "not_requested", signOffAllowed: false });
    const requested = matrix({ ...privileged, exceptions: [{ kind: "privileged", status: "requested" }] }, checks);
    expect(row(requested, "CTR-10")).toMatchObject({ evidence: "not_applicable", detail: "The root policy does not apply RunAsNonRoot." });
    expect(row(requested, "CTR-11")).toMatchObject({ evidence: "in_review", detail: "Red Hat is reviewing the privileged exception." });
    expect(row(requested, "CTR-16").evidence).toBe("not_applicable");
    expect(row(matrix({ ...privileged, exceptions: [{ kind: "privileged", status: "approved", caseRef: "04012345" }] }), "CTR-11")).toMatchObject({
      evidence: "waived",
      detail: "Covered by the approved privileged exception (case 04012345).",
    });
    expect(row(matrix({ ...privileged, exceptions: [{ kind: "privileged", status: "denied" }] }), "CTR-11").evidence).toBe("failed");
    // A sign-off never speaks for the exception.
    expect(row(matrix({ ...privileged }, [], [], [signOff("CTR-11")]), "CTR-11").evidence).toBe("not_requested");
  });

  it("drops the base-image checks under an approved scratch exception; a non-UBI base needs one too", () => {
    const scratch = { osContentType: "scratch", policy: "scratch-nonroot", exceptions: [{ kind: "scratch" as const, status: "approved" }] };
    const rows = matrix(scratch, [check("BasedOnUbi", "failed", "amd64", 1)]);
    expect(["CTR-01", "CTR-02", "CTR-03"].map((code) => row(rows, code).evidence)).toEqual(["not_applicable", "not_applicable", "not_applicable"]);
    expect(row(rows, "CTR-16").evidence).toBe("waived");
    expect(row(rows, "CTR-10").evidence).toBe("not_run");
    expect(row(matrix({ osContentType: "non_ubi" }), "CTR-16")).toMatchObject({ evidence: "not_requested", detail: "Its base is declared not UBI: request the scratch exception." });
    expect(row(matrix({ osContentType: "non_ubi", exceptions: [{ kind: "scratch", status: "draft" }] }), "CTR-16").detail).toContain("(it is a draft)");
  });

  it("counts a submitted run as CTR-15's evidence once every expected architecture was submitted", () => {
    const submission = (architecture: string) => ({ architecture, runId: `run-${architecture}`, at: at(architecture === "arm64" ? 6 : 5), urls: [`https://connect.redhat.com/component/view/abc/certification/test-results/${architecture}`] });
    const partial = row(matrix({ architectures: ["amd64", "arm64"], submissions: [submission("amd64")] }), "CTR-15");
    expect(partial).toMatchObject({ evidence: "needs_sign_off", detail: "Submitted for amd64; not yet for arm64." });
    const full = row(matrix({ architectures: ["amd64", "arm64"], submissions: [submission("amd64"), submission("arm64")] }), "CTR-15");
    expect(full).toMatchObject({ evidence: "passed", detail: "Submitted to Red Hat for amd64, arm64 (newest on 2026-11-06).", runId: "run-arm64" });
    expect(full.urls).toHaveLength(2);
  });

  it("counts Red Hat's listed results (no run here) as submissions too", () => {
    const listed = { architecture: "amd64", runId: null, at: at(7), urls: ["https://connect.redhat.com/component/view/695da2556e8a9da931220fda"] };
    const full = row(matrix({ architectures: ["amd64"], submissions: [listed] }), "CTR-15");
    expect(full).toMatchObject({ evidence: "passed", detail: "Submitted to Red Hat for amd64 (newest on 2026-11-07).", runId: null, urls: listed.urls });
  });

  it("derives CTR-13 from the worst current health grade of the images in use", () => {
    const grade = (g: string, architecture: string, tag: string) => ({ grade: g, architecture, tags: [tag], digest: `sha256:${g}${architecture}` });
    expect(row(matrix({}), "CTR-13")).toMatchObject({ evidence: "needs_sign_off", signOffAllowed: true });
    expect(row(matrix({}), "CTR-13").detail).toContain("connect the product to Red Hat's catalog");
    const good = row(matrix({ grades: [grade("A", "amd64", "v1.2"), grade("B", "arm64", "v1.2")] }), "CTR-13");
    expect(good).toMatchObject({ evidence: "passed", detail: "Worst health grade from Red Hat: B, v1.2 (arm64), of 2 images in use.", signOffAllowed: false });
    const bad = row(matrix({ grades: [grade("A", "amd64", "v1.3"), grade("D", "arm64", "v1.2"), grade("C", "amd64", "v1.2")] }), "CTR-13");
    expect(bad).toMatchObject({ evidence: "failed", detail: "Health grade D from Red Hat for v1.2 (arm64): rebuild on the newest base image (A or B needed; 3 images in use)." });
  });

  it("derives OPB-01 from the referenced images, and never reads the hidden BundleImageRefsAreCertified", () => {
    const run = (rows: ReturnType<typeof requirementMatrix>) => row(rows, "OPB-01");
    const bundleMatrix = (references: MatrixComponent["references"]) =>
      requirementMatrix(bundle, { ...component, policy: "operator", references }, [check("BundleImageRefsAreCertified", "passed", "amd64", 1)], [], [], NOW);
    expect(run(bundleMatrix(null))).toMatchObject({ evidence: "needs_sign_off", detail: "No referenced images are known: list them on the bundle, or sign it off." });
    const waiting = run(
      bundleMatrix([
        { slug: "driver", name: "Driver", certificationStatus: "not_created" },
        { slug: "operator", name: "Operator image", certificationStatus: "published" },
      ]),
    );
    expect(waiting).toMatchObject({ evidence: "failed", detail: "1 of 2 referenced images not yet published: Driver (not created)." });
    expect(waiting.components.map((c) => [c.slug, c.settled])).toEqual([
      ["driver", false],
      ["operator", true],
    ]);
    expect(run(bundleMatrix([{ slug: "operator", name: "Operator image", certificationStatus: "published" }])).evidence).toBe("passed");
    // Checks preflight stopped reporting are sign-off rows, not "not run" forever.
    const rows = requirementMatrix(bundle, { ...component, policy: "operator" }, [], [], [], NOW);
    for (const code of ["OPB-10", "OPB-12", "OPB-15", "OPB-25"]) expect(row(rows, code).evidence).toBe("needs_sign_off");
    expect(row(rows, "OPB-10").detail).toBe("Preflight no longer reports AllImageRefsInRelatedImages: sign it off.");
    expect(row(rows, "OPB-02").evidence).toBe("not_run");
  });

  it("counts rows per evidence kind", () => {
    const counts = countEvidence(requirementMatrix(bundle, { ...component, policy: "operator" }, [check("DeployableByOLM", "passed", "amd64", 1)], [], [], NOW));
    expect(counts.passed).toBe(1);
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(26);
  });
});

describe("product listing requirements", () => {
  const prd = requirementsForType("product");
  const components = [
    { slug: "operator", name: "Operator image", certificationStatus: "certification_completed" },
    { slug: "driver", name: "Driver", certificationStatus: "in_progress" },
  ];
  it("derives PRD-04 and PRD-05 from the components, and asks for sign-off of the portal tasks", () => {
    const rows = productMatrix(prd, components, [], [signOff("PRD-02", { note: "Profile complete" })], NOW);
    expect(row(rows, "PRD-04")).toMatchObject({ evidence: "passed", detail: "Certified: Operator image." });
    expect(row(rows, "PRD-05")).toMatchObject({ evidence: "failed", detail: "2 of 2 components not yet published: Operator image (certification completed), Driver (in progress)." });
    expect(row(rows, "PRD-01").evidence).toBe("needs_sign_off");
    expect(row(rows, "PRD-02").evidence).toBe("attested");
    const published = productMatrix(prd, components.map((c) => ({ ...c, certificationStatus: "published" })), [], [], NOW);
    expect(row(published, "PRD-05").evidence).toBe("passed");
  });
});
