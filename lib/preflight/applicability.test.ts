import { describe, expect, it } from "vitest";
import { notApplicableChecks, policyInForce, type ComponentSettings } from "@/lib/preflight/applicability";

const base: ComponentSettings = { type: "container", hostAccess: "unprivileged", osContentType: "ubi", exceptions: [] };
const approved = (kind: "privileged" | "scratch", caseRef: string | null = null) => ({ kind, status: "approved", caseRef });

describe("policy in force", () => {
  it("follows approved exceptions, not declarations alone", () => {
    expect(policyInForce(base).policy).toBe("container");
    expect(policyInForce({ ...base, hostAccess: "privileged" }).policy).toBe("container");
    expect(policyInForce({ ...base, hostAccess: "privileged", exceptions: [{ kind: "privileged", status: "requested" }] }).policy).toBe("container");
    expect(policyInForce({ ...base, hostAccess: "privileged", exceptions: [approved("privileged")] }).policy).toBe("root");
    expect(policyInForce({ ...base, osContentType: "scratch", exceptions: [approved("scratch")] }).policy).toBe("scratch-nonroot");
    expect(policyInForce({ ...base, exceptions: [approved("scratch"), approved("privileged")] }).policy).toBe("scratch-root");
    expect(policyInForce({ ...base, type: "operator_bundle", exceptions: [approved("privileged")] }).policy).toBe("operator");
  });

  it("says why, naming the exception state and the case", () => {
    expect(policyInForce(base).reason).toBe("An unprivileged image on a Red Hat base: the container policy applies.");
    expect(policyInForce({ ...base, hostAccess: "privileged", exceptions: [{ kind: "privileged", status: "requested" }] }).reason).toBe(
      "Because it is declared privileged, but its privileged exception is requested: the container policy applies.",
    );
    expect(policyInForce({ ...base, osContentType: "scratch" }).reason).toContain("its scratch exception is not filed");
    expect(policyInForce({ ...base, hostAccess: "privileged", exceptions: [approved("privileged", "04012345")] }).reason).toBe(
      "Because its privileged exception is approved (case 04012345): the root policy applies, so RunAsNonRoot is not applicable.",
    );
  });

  it("drops exactly the checks of the policy in force", () => {
    expect([...notApplicableChecks(base)]).toEqual([]);
    expect([...notApplicableChecks({ ...base, hostAccess: "privileged" })]).toEqual([]);
    expect([...notApplicableChecks({ ...base, exceptions: [approved("privileged")] })]).toEqual(["RunAsNonRoot"]);
    expect([...notApplicableChecks({ ...base, exceptions: [approved("privileged"), approved("scratch")] })].sort()).toEqual([
      "BasedOnUbi",
      "HasModifiedFiles",
      "HasNoProhibitedPackages",
      "RunAsNonRoot",
    ]);
    expect([...notApplicableChecks({ ...base, type: "operator_bundle", exceptions: [approved("scratch")] })]).toEqual([]);
  });
});
