import { describe, expect, it } from "vitest";

import { expectedCheckCount, inferPolicy } from "./infer-policy";
import { CONTAINER_CHECKS } from "./test-support";
import { parseReleaseVersion, type ReleaseVersion } from "./tool-version";

const v = (text: string): ReleaseVersion => {
  const version = parseReleaseVersion(text);
  if (!version) throw new Error(`not a release: ${text}`);
  return version;
};
const without = (...names: string[]) => CONTAINER_CHECKS.filter((name) => !names.includes(name));
const SCRATCH = ["HasLicense", "HasUniqueTag", "LayerCountAcceptable", "HasRequiredLabel", "HasNoProhibitedLabels", "RunAsNonRoot", "HasProhibitedContainerName"];

describe("inferPolicy", () => {
  it.each([
    ["container", CONTAINER_CHECKS],
    ["root", without("RunAsNonRoot")],
    ["scratch-nonroot", SCRATCH],
    ["scratch-root", SCRATCH.filter((name) => name !== "RunAsNonRoot")],
    ["operator", ["DeployableByOLM", "ValidateOperatorBundle", "RequiredAnnotations"]],
    ["operator", ["ScorecardBasicSpecCheck", "ScorecardOlmSuiteCheck"]],
    // Renamed checks count under today's name.
    ["container", CONTAINER_CHECKS.map((name) => (name === "HasNoProhibitedPackages" ? "HasNoProhibitedPackagesMounted" : name))],
  ] as const)("reads %s from its checks", (policy, names) => {
    const inference = inferPolicy(names, v("1.16.0"), false);
    expect(inference.policy).toBe(policy);
    expect(inference.kind).toBe(policy === "operator" ? "operator" : "container");
    expect(inference.warnings).toEqual([]);
  });

  it("reads the konflux set (no trademark checks) as unknown from 1.13, and as container before", () => {
    const konflux = without("HasNoProhibitedLabels", "HasProhibitedContainerName");
    const recent = inferPolicy(konflux, v("1.13.0"), false);
    expect(recent.policy).toBeNull();
    expect(recent.warnings[0]).toContain("konflux");
    expect(inferPolicy(konflux, v("1.10.0"), false).policy).toBe("container");
    // Dev builds have no comparable version: an older container run is the likelier reading.
    expect(inferPolicy(konflux, null, false).policy).toBe("container");
  });

  it("has no policy without known checks, or when the set matches none", () => {
    expect(inferPolicy([], v("1.16.0"), false).policy).toBeNull();
    expect(inferPolicy(["HasSbom"], v("1.16.0"), false).policy).toBeNull();
    const odd = inferPolicy(["HasLicense", "BasedOnUbi"], v("1.16.0"), false);
    expect([odd.policy, odd.warnings.length]).toEqual([null, 1]);
  });

  it("uses certification_hash for the kind when the checks say nothing, and flags a contradiction", () => {
    expect(inferPolicy(["HasSbom"], null, true).kind).toBe("operator");
    const contradiction = inferPolicy(CONTAINER_CHECKS, null, true);
    expect([contradiction.kind, contradiction.warnings.length]).toEqual(["container", 1]);
    expect(inferPolicy([...CONTAINER_CHECKS, "DeployableByOLM"], null, false).warnings[0]).toContain("mixes operator and container");
  });
});

describe("expectedCheckCount", () => {
  it.each([
    ["container", "1.0.3", 7],
    ["container", "1.1.0", 8],
    ["container", "1.12.1", 9],
    ["container", "1.16.0", 10],
    ["root", "1.16.0", 9],
    ["operator", "1.0.1", 5],
    ["operator", "1.2.0", 4],
    ["operator", "1.3.4", 5],
    ["operator", "1.7.2", 4],
    ["operator", "1.19.0", 5],
    ["operator", "1.21.0", 3],
    ["scratch-root", "1.16.0", null],
  ] as const)("%s at %s: %s", (policy, version, count) => {
    expect(expectedCheckCount(policy, v(version))).toBe(count);
  });
});
