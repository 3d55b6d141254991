import { describe, expect, it } from "vitest";
import { compareRuns } from "./compare-runs";
import { diffRuns, type DiffableRun } from "./diff-runs";
import type { CheckOutcome } from "./schema";

const run = (outcomes: Record<string, CheckOutcome>): DiffableRun => ({
  checks: Object.entries(outcomes).map(([canonicalName, outcome]) => ({ canonicalName, outcome })),
});

describe("compareRuns", () => {
  it("keeps diffRuns' lists and adds unchanged checks and the changes diffRuns does not name", () => {
    const from = run({ HasLicense: "failed", RunAsNonRoot: "passed", BasedOnUbi: "failed", HasUniqueTag: "passed", LayerCountAcceptable: "failed", Gone: "passed" });
    const to = run({ HasLicense: "passed", RunAsNonRoot: "passed", BasedOnUbi: "failed", HasUniqueTag: "warned", LayerCountAcceptable: "warned", HasSbom: "failed" });
    const comparison = compareRuns(from, to);
    expect(comparison).toEqual({
      ...diffRuns(from, to),
      otherChanges: [
        { name: "HasUniqueTag", from: "passed", to: "warned" },
        { name: "LayerCountAcceptable", from: "failed", to: "warned" },
      ],
      unchanged: [
        { name: "BasedOnUbi", outcome: "failed" },
        { name: "RunAsNonRoot", outcome: "passed" },
      ],
    });
    expect(comparison.newlyFailed).toEqual(["HasSbom"]);
    expect(comparison.newlyPassed).toEqual(["HasLicense"]);
    expect(comparison.removed).toEqual(["Gone"]);
  });

  it("puts every check present in both runs in exactly one list", () => {
    const outcomes: CheckOutcome[] = ["passed", "failed", "errored", "warned"];
    const from: Record<string, CheckOutcome> = {};
    const to: Record<string, CheckOutcome> = {};
    for (const a of outcomes) {
      for (const b of outcomes) {
        from[`${a}-${b}`] = a;
        to[`${a}-${b}`] = b;
      }
    }
    const c = compareRuns(run(from), run(to));
    const placed = [...c.newlyFailed, ...c.newlyErrored, ...c.newlyPassed, ...c.otherChanges.map((x) => x.name), ...c.unchanged.map((x) => x.name)];
    expect(placed.sort()).toEqual(Object.keys(to).sort());
    expect(c.unchanged.map((x) => x.name)).toEqual(["errored-errored", "failed-failed", "passed-passed", "warned-warned"]);
    expect(c.otherChanges.map((x) => x.name)).toEqual(["errored-warned", "failed-warned", "passed-warned"]);
  });

  it("reads the same run against itself as nothing changed", () => {
    const same = run({ A: "failed", B: "passed" });
    const c = compareRuns(same, same);
    expect([c.newlyFailed, c.newlyPassed, c.newlyErrored, c.added, c.removed, c.otherChanges]).toEqual([[], [], [], [], [], []]);
    expect(c.unchanged).toEqual([{ name: "A", outcome: "failed" }, { name: "B", outcome: "passed" }]);
  });
});
