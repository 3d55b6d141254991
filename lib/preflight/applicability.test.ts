import { describe, expect, it } from "vitest";
import { declaredPolicy, notApplicableChecks } from "@/lib/preflight/applicability";

describe("policy from a component's declared settings", () => {
  it("follows preflight's policy exceptions", () => {
    const base = { type: "container", hostAccess: "unprivileged", osContentType: "ubi" };
    expect(declaredPolicy(base)).toBe("container");
    expect(declaredPolicy({ ...base, hostAccess: "privileged" })).toBe("root");
    expect(declaredPolicy({ ...base, osContentType: "scratch" })).toBe("scratch-nonroot");
    expect(declaredPolicy({ ...base, hostAccess: "privileged", osContentType: "scratch" })).toBe("scratch-root");
    expect(declaredPolicy({ ...base, type: "operator_bundle" })).toBe("operator");
  });

  it("exempts exactly the checks the policy drops", () => {
    const base = { type: "container", hostAccess: "unprivileged", osContentType: "ubi" };
    expect([...notApplicableChecks(base)]).toEqual([]);
    expect([...notApplicableChecks({ ...base, hostAccess: "privileged" })]).toEqual(["RunAsNonRoot"]);
    expect([...notApplicableChecks({ ...base, hostAccess: "privileged", osContentType: "scratch" })].sort()).toEqual(
      ["BasedOnUbi", "HasModifiedFiles", "HasNoProhibitedPackages", "RunAsNonRoot"],
    );
  });
});
