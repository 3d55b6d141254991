import { describe, expect, it } from "vitest";
import { notApplicableChecks, policyInForce, type ComponentSettings } from "@/lib/components/policy";

const base: ComponentSettings = { type: "container", hostAccess: "unprivileged", osContentType: "ubi", exceptions: [] };
const approved = (kind: "privileged" | "scratch", caseRef: string | null = null) => ({ kind, status: "approved", caseRef });
const requested = (kind: "privileged" | "scratch") => ({ kind, status: "requested" });

describe("policy in force", () => {
  it("selects root from the privileged declaration alone, scratch only with an approved exception", () => {
    expect(policyInForce(base).policy).toBe("container");
    expect(policyInForce({ ...base, hostAccess: "privileged" }).policy).toBe("root");
    expect(policyInForce({ ...base, hostAccess: "privileged", exceptions: [requested("privileged")] }).policy).toBe("root");
    expect(policyInForce({ ...base, hostAccess: "privileged", exceptions: [{ kind: "privileged", status: "denied" }] }).policy).toBe("root");
    // An approved privileged exception without the declaration is not what preflight reads.
    expect(policyInForce({ ...base, exceptions: [approved("privileged")] }).policy).toBe("container");
    expect(policyInForce({ ...base, osContentType: "scratch" }).policy).toBe("container");
    expect(policyInForce({ ...base, osContentType: "scratch", exceptions: [requested("scratch")] }).policy).toBe("container");
    expect(policyInForce({ ...base, osContentType: "scratch", exceptions: [approved("scratch")] }).policy).toBe("scratch-nonroot");
    expect(policyInForce({ ...base, hostAccess: "privileged", exceptions: [approved("scratch")] }).policy).toBe("scratch-root");
    expect(policyInForce({ ...base, type: "operator_bundle", hostAccess: "privileged" }).policy).toBe("operator");
  });

  it("says why, naming the declaration, the review and the case", () => {
    expect(policyInForce(base).reason).toBe("An unprivileged image with no approved scratch exception: the container policy applies.");
    expect(policyInForce({ ...base, hostAccess: "privileged", exceptions: [requested("privileged")] }).reason).toBe(
      "Because it is declared privileged (host level access): the root policy applies, so RunAsNonRoot is not applicable. Red Hat reviews the declaration: its privileged exception is requested.",
    );
    expect(policyInForce({ ...base, hostAccess: "privileged", exceptions: [approved("privileged", "04012345")] }).reason).toContain(
      "its privileged exception is approved (case 04012345).",
    );
    expect(policyInForce({ ...base, osContentType: "scratch" }).reason).toBe(
      "An unprivileged image with no approved scratch exception: the container policy applies. The scratch base needs an approved scratch exception before the scratch policy applies; it is not filed.",
    );
    expect(policyInForce({ ...base, osContentType: "non_ubi", exceptions: [requested("scratch")] }).reason).toContain("The non-UBI base needs an approved scratch exception");
  });

  it("drops exactly the checks of the policy in force", () => {
    expect([...notApplicableChecks(base)]).toEqual([]);
    expect([...notApplicableChecks({ ...base, hostAccess: "privileged" })]).toEqual(["RunAsNonRoot"]);
    expect([...notApplicableChecks({ ...base, osContentType: "scratch" })]).toEqual([]);
    expect([...notApplicableChecks({ ...base, hostAccess: "privileged", exceptions: [approved("scratch")] })].sort()).toEqual([
      "BasedOnUbi",
      "HasModifiedFiles",
      "HasNoProhibitedPackages",
      "RunAsNonRoot",
    ]);
    expect([...notApplicableChecks({ ...base, type: "operator_bundle", exceptions: [approved("scratch")] })]).toEqual([]);
  });
});
