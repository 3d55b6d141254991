import { describe, expect, it } from "vitest";
import { requirementsForType } from "@/lib/requirements/catalog";
import { countEvidence, requirementMatrix, type CheckEvidence, type MatrixComponent, type MatrixItem } from "@/lib/requirements/matrix";

const container = requirementsForType("container");
const component: MatrixComponent = { hostAccess: "unprivileged", osContentType: "ubi", policy: "container", exceptions: [] };
const at = (day: number) => new Date(Date.UTC(2026, 10, day));
const check = (checkName: string, outcome: string, architecture: string, day: number, runId = `run-${day}-${architecture}`): CheckEvidence => ({
  checkName,
  outcome,
  architecture,
  runId,
  at: at(day),
});
const row = (rows: ReturnType<typeof requirementMatrix>, code: string) => rows.find((r) => r.code === code)!;

describe("requirement matrix", () => {
  it("lists every container requirement once, in catalog order", () => {
    const rows = requirementMatrix(container, component, [], []);
    expect(rows.map((r) => r.code)).toEqual(container.map((r) => r.code));
    expect(rows).toHaveLength(21);
  });

  it("takes the newest run per architecture and reports the worst of them", () => {
    const checks = [check("RunAsNonRoot", "failed", "amd64", 1), check("RunAsNonRoot", "passed", "amd64", 3), check("RunAsNonRoot", "errored", "arm64", 2)];
    const r = row(requirementMatrix(container, component, checks, []), "CTR-10");
    expect(r.evidence).toBe("errored");
    expect(r.runId).toBe("run-2-arm64");
    expect(r.architectures).toEqual([
      { architecture: "amd64", outcome: "passed", runId: "run-3-amd64" },
      { architecture: "arm64", outcome: "errored", runId: "run-2-arm64" },
    ]);
    expect(row(requirementMatrix(container, component, checks.slice(0, 2), []), "CTR-10").evidence).toBe("passed");
  });

  it("says not run for a preflight requirement without evidence, and manual for portal work", () => {
    const rows = requirementMatrix(container, component, [], []);
    expect(row(rows, "CTR-04").evidence).toBe("not_run");
    expect(row(rows, "CTR-17")).toMatchObject({ evidence: "manual", detail: "Checked outside preflight; no backlog item tracks it yet." });
  });

  it("links the open item that tracks the requirement by code or by check", () => {
    const items: MatrixItem[] = [
      { key: "C-1", title: "done earlier", status: "done", open: false, checkNames: ["HasLicense"], requirementCodes: [] },
      { key: "PF-2", title: "licenses", status: "in_progress", open: true, checkNames: ["HasLicense"], requirementCodes: [] },
      { key: "P0-4", title: "rebuild", status: "not_started", open: true, checkNames: ["HasLicense", "HasRequiredLabel"], requirementCodes: [] },
      { key: "P0-1", title: "portal", status: "not_started", open: true, checkNames: [], requirementCodes: ["CTR-17"] },
    ];
    const rows = requirementMatrix(container, component, [], items);
    expect(row(rows, "CTR-04").item).toEqual({ key: "PF-2", status: "in_progress", open: true });
    expect(row(rows, "CTR-17")).toMatchObject({ evidence: "manual", detail: "Tracked by P0-1." });
    expect(row(rows, "CTR-05").item).toBeNull();
    // An item about several requirements is linked only where no dedicated item exists.
    expect(row(rows, "CTR-06").item).toEqual({ key: "P0-4", status: "not_started", open: true });
    expect(row(requirementMatrix(container, component, [], [items[0]!, items[2]!]), "CTR-04").item).toEqual({ key: "C-1", status: "done", open: false });
  });

  it("applies policy and exceptions: a privileged image stays under the container policy until its exception is approved", () => {
    const privileged = { ...component, hostAccess: "privileged", exceptions: [{ kind: "privileged" as const, status: "requested" }] };
    const checks = [check("RunAsNonRoot", "failed", "amd64", 1)];
    const before = requirementMatrix(container, privileged, checks, []);
    expect(row(before, "CTR-10").evidence).toBe("failed");
    expect(row(before, "CTR-11")).toMatchObject({ evidence: "manual", detail: "Needs an approved privileged exception; it is requested." });
    expect(row(before, "CTR-16").evidence).toBe("not_applicable");

    const after = requirementMatrix(
      container,
      { ...privileged, policy: "root", exceptions: [{ kind: "privileged", status: "approved", caseRef: "04012345" }] },
      checks,
      [],
    );
    expect(row(after, "CTR-10")).toMatchObject({ evidence: "not_applicable", detail: "The root policy does not apply RunAsNonRoot." });
    expect(row(after, "CTR-11")).toMatchObject({ evidence: "waived", detail: "Covered by the approved privileged exception (case 04012345)." });
  });

  it("drops the base-image checks under an approved scratch exception", () => {
    const scratch = { ...component, osContentType: "scratch", policy: "scratch-nonroot", exceptions: [{ kind: "scratch" as const, status: "approved" }] };
    const rows = requirementMatrix(container, scratch, [check("BasedOnUbi", "failed", "amd64", 1)], []);
    expect(["CTR-01", "CTR-02", "CTR-03"].map((code) => row(rows, code).evidence)).toEqual(["not_applicable", "not_applicable", "not_applicable"]);
    expect(row(rows, "CTR-16").evidence).toBe("waived");
    expect(row(rows, "CTR-10").evidence).toBe("not_run");
  });

  it("counts rows per evidence kind", () => {
    const counts = countEvidence(requirementMatrix(requirementsForType("operator_bundle"), { ...component, policy: "operator" }, [check("DeployableByOLM", "passed", "amd64", 1)], []));
    expect(counts.passed).toBe(1);
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(26);
  });
});
