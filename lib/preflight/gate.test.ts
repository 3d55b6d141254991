import { describe, expect, it } from "vitest";
import { diffRuns, type DiffableRun } from "./diff-runs";
import { breachText, failingChecks, gateBreaches, newlyFailing, runGate, type GatedRun } from "./gate";
import type { CheckOutcome } from "./schema";

const run = (outcomes: Record<string, CheckOutcome>): DiffableRun => ({
  checks: Object.entries(outcomes).map(([canonicalName, outcome]) => ({ canonicalName, outcome })),
});

/** The diff as the ingester stores it (mutations.ts storedDiff). */
function stored(previous: DiffableRun | null, current: DiffableRun) {
  return { ...diffRuns(previous, current), preflightVersionChanged: null, previousRunId: previous ? "prev-id" : null, newlyFailing: newlyFailing(previous, current) };
}

function gateOf(previous: DiffableRun | null, current: DiffableRun, unassigned = false) {
  return runGate({ unassigned, diff: stored(previous, current), checks: current.checks });
}

describe("failingChecks and newlyFailing", () => {
  it("counts failed and errored checks, never passed or warned, by worst outcome, sorted", () => {
    expect(failingChecks(run({ Zeta: "errored", HasLicense: "failed", RunAsNonRoot: "passed", HasUniqueTag: "warned" }).checks)).toEqual(["HasLicense", "Zeta"]);
    const doubled = [{ canonicalName: "A", outcome: "passed" as const }, { canonicalName: "A", outcome: "errored" as const }];
    expect(failingChecks(doubled)).toEqual(["A"]);
  });

  it("names what fails now and did not fail before; a check absent before is new", () => {
    expect(newlyFailing(run({ A: "passed", B: "failed", C: "errored", D: "warned" }), run({ A: "failed", B: "errored", C: "failed", D: "errored", E: "failed" }))).toEqual(["A", "D", "E"]);
    expect(newlyFailing(null, run({ A: "failed", B: "passed" }))).toEqual(["A"]);
  });
});

describe("runGate", () => {
  it("reports a check that passed before and fails now as failed and regressed", () => {
    expect(gateOf(run({ HasLicense: "passed", RunAsNonRoot: "failed" }), run({ HasLicense: "failed", RunAsNonRoot: "failed" }))).toEqual({
      failed: ["HasLicense", "RunAsNonRoot"],
      regressed: ["HasLicense"],
    });
  });

  it("counts errors as failures: an errored check is failed, and a flip between failed and errored is no regression", () => {
    expect(gateOf(run({ BasedOnUbi: "failed", HasLicense: "passed" }), run({ BasedOnUbi: "errored", HasLicense: "errored" }))).toEqual({
      failed: ["BasedOnUbi", "HasLicense"],
      regressed: ["HasLicense"],
    });
    expect(gateOf(run({ BasedOnUbi: "errored" }), run({ BasedOnUbi: "failed" })).regressed).toEqual([]);
  });

  it("has no regression on a first run or an unassigned run, though their failures count", () => {
    const failing = run({ HasLicense: "failed", Zeta: "errored", RunAsNonRoot: "passed" });
    expect(gateOf(null, failing)).toEqual({ failed: ["HasLicense", "Zeta"], regressed: [] });
    expect(gateOf(run({ HasLicense: "passed", Zeta: "passed" }), failing, true)).toEqual({ failed: ["HasLicense", "Zeta"], regressed: [] });
  });

  it("a passing run, and a check absent from the previous run that fails now", () => {
    expect(gateOf(run({ A: "failed" }), run({ A: "passed", B: "warned" }))).toEqual({ failed: [], regressed: [] });
    expect(gateOf(run({ A: "passed" }), run({ A: "passed", HasProhibitedContainerName: "failed" })).regressed).toEqual(["HasProhibitedContainerName"]);
  });

  it("leaves out the checks the component's policy in force does not apply", () => {
    const previous = run({ RunAsNonRoot: "passed", HasLicense: "passed" });
    const current = run({ RunAsNonRoot: "failed", HasLicense: "failed" });
    expect(runGate({ unassigned: false, diff: stored(previous, current), checks: current.checks, exempt: new Set(["RunAsNonRoot"]) })).toEqual({ failed: ["HasLicense"], regressed: ["HasLicense"] });
  });

  it("reads runs stored before the gate: no newlyFailing or previousRunId in their diff", () => {
    const current = run({ A: "failed", B: "errored", C: "failed" });
    // As the ingester stored diffs before: diffRuns' lists and the version change only.
    const old = { ...diffRuns(run({ A: "passed", B: "passed", C: "failed" }), current), preflightVersionChanged: null };
    expect(runGate({ unassigned: false, diff: old, checks: current.checks })).toEqual({ failed: ["A", "B", "C"], regressed: ["A", "B"] });
    // A first run of that era: every check "added", so no baseline and no regression.
    const first = { ...diffRuns(null, current), preflightVersionChanged: null };
    expect(runGate({ unassigned: false, diff: first, checks: current.checks })).toEqual({ failed: ["A", "B", "C"], regressed: [] });
    // An unreadable diff claims no regression.
    expect(runGate({ unassigned: false, diff: null, checks: current.checks })).toEqual({ failed: ["A", "B", "C"], regressed: [] });
  });
});

describe("gateBreaches and breachText", () => {
  const runs: GatedRun[] = [
    { component: "operator", image: "quay.io/acme/operator:v0.1.4", arch: "amd64", gate: { failed: ["HasLicense", "RunAsNonRoot"], regressed: ["HasLicense"] } },
    { component: "operator", image: "quay.io/acme/operator:v0.1.4", arch: "arm64", gate: { failed: ["RunAsNonRoot"], regressed: [] } },
    { component: null, image: "quay.io/acme/other@sha256:" + "a".repeat(64), arch: "unknown", gate: { failed: [], regressed: [] } },
  ];

  it("holds for runs with a failed check (failed), a newly failed one (regressed), and never for none", () => {
    expect(gateBreaches(runs, "failed").map((b) => [b.run.arch, b.checks])).toEqual([
      ["amd64", ["HasLicense", "RunAsNonRoot"]],
      ["arm64", ["RunAsNonRoot"]],
    ]);
    expect(gateBreaches(runs, "regressed").map((b) => [b.run.arch, b.checks])).toEqual([["amd64", ["HasLicense"]]]);
    expect(gateBreaches(runs, "none")).toEqual([]);
  });

  it("says which checks of which component, tag and architecture, in words", () => {
    const [regressed] = gateBreaches(runs, "regressed");
    expect(breachText(regressed!, "regressed")).toBe("operator v0.1.4 (amd64): 1 check newly failed or errored since the previous run: HasLicense");
    const [failed] = gateBreaches(runs, "failed");
    expect(breachText(failed!, "failed")).toBe("operator v0.1.4 (amd64): 2 checks failed or errored: HasLicense, RunAsNonRoot");
    const unassigned: GatedRun = { ...runs[2]!, gate: { failed: ["A"], regressed: [] } };
    expect(breachText({ run: unassigned, checks: ["A"] }, "failed")).toBe("Unassigned run (architecture not known): 1 check failed or errored: A");
  });
});
