import { describe, expect, it } from "vitest";

import { diffRuns, type DiffableRun } from "./diff-runs";
import { parseResultsJson } from "./parse-results";
import type { CheckOutcome } from "./schema";
import { FIXTURE, hasPreflightFixtures, readPreflightFixture } from "./test-support";

const run = (outcomes: Record<string, CheckOutcome>): DiffableRun => ({
  checks: Object.entries(outcomes).map(([canonicalName, outcome]) => ({ canonicalName, outcome })),
});
const EMPTY = { newlyFailed: [], newlyPassed: [], newlyErrored: [], added: [], removed: [] };

describe("diffRuns", () => {
  it("reports transitions by check name, sorted", () => {
    const before = run({ HasLicense: "failed", RunAsNonRoot: "passed", BasedOnUbi: "errored", HasUniqueTag: "warned", LayerCountAcceptable: "passed" });
    const after = run({ LayerCountAcceptable: "failed", RunAsNonRoot: "errored", BasedOnUbi: "failed", HasUniqueTag: "passed", HasLicense: "passed" });
    expect(diffRuns(before, after)).toEqual({
      newlyFailed: ["BasedOnUbi", "LayerCountAcceptable"],
      newlyPassed: ["HasLicense", "HasUniqueTag"],
      newlyErrored: ["RunAsNonRoot"],
      added: [],
      removed: [],
    });
  });

  it("counts a new check that fails or errors as new, but not one that passes", () => {
    const diff = diffRuns(run({ HasLicense: "passed", ScorecardOlmSuiteCheck: "passed" }), run({ HasLicense: "passed", HasSbom: "failed", Zeta: "errored", HasNoProhibitedLabels: "passed" }));
    expect(diff).toEqual({ newlyFailed: ["HasSbom"], newlyPassed: [], newlyErrored: ["Zeta"], added: ["HasNoProhibitedLabels", "HasSbom", "Zeta"], removed: ["ScorecardOlmSuiteCheck"] });
  });

  it("treats no previous run as an empty baseline", () => {
    const current = run({ B: "failed", A: "passed", C: "errored" });
    for (const previous of [null, undefined]) {
      expect(diffRuns(previous, current)).toEqual({ newlyFailed: ["B"], newlyPassed: [], newlyErrored: ["C"], added: ["A", "B", "C"], removed: [] });
    }
    expect(diffRuns(current, current)).toEqual(EMPTY);
  });

  it("uses the worst outcome of a name listed twice", () => {
    const doubled: DiffableRun = { checks: [{ canonicalName: "A", outcome: "passed" }, { canonicalName: "A", outcome: "failed" }] };
    expect(diffRuns(run({ A: "passed" }), doubled).newlyFailed).toEqual(["A"]);
  });

  it.skipIf(!hasPreflightFixtures)("matches a renamed check across preflight versions by its canonical name", () => {
    const [old] = parseResultsJson(readPreflightFixture(FIXTURE.beta3Dev));
    const [current] = parseResultsJson(readPreflightFixture(FIXTURE.failed116));
    if (!old || !current) throw new Error("fixtures did not parse");
    expect(diffRuns(old, current)).toEqual({
      newlyFailed: ["HasNoProhibitedLabels"],
      newlyPassed: [],
      newlyErrored: [],
      added: ["HasNoProhibitedLabels", "HasProhibitedContainerName"],
      removed: [],
    });
  });
});
