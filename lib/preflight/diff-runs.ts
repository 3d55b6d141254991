import { worseOutcome } from "./build-checks";
import type { CheckOutcome } from "./schema";

// What changed between two runs of the same image, by canonical check name (so a renamed check
// is the same check). Semantics, chosen so a run never turns red without a name to show:
//   newlyFailed   failed now, and not failed before, INCLUDING checks absent before (a check
//                 new in this preflight version that fails is a new blocker);
//   newlyErrored  the same for errored;
//   newlyPassed   passed now after failing, erroring or warning before, EXCLUDING checks
//                 absent before (a new check that passes fixed nothing);
//   added/removed present only now / only before (e.g. Scorecard checks gone in 1.20).
// No previous run means no baseline: every failure and error is new, every check is added, and
// nothing is newly passed. All lists are sorted and free of duplicates.

export type DiffableRun = { checks: ReadonlyArray<{ canonicalName: string; outcome: CheckOutcome }> };

export type RunDiff = {
  newlyFailed: string[];
  newlyPassed: string[];
  newlyErrored: string[];
  added: string[];
  removed: string[];
};

export function diffRuns(previous: DiffableRun | null | undefined, current: DiffableRun): RunDiff {
  const before = outcomesByName(previous?.checks ?? []);
  const now = outcomesByName(current.checks);
  const diff: RunDiff = { newlyFailed: [], newlyPassed: [], newlyErrored: [], added: [], removed: [] };
  for (const [name, outcome] of now) {
    const was = before.get(name);
    if (was === undefined) diff.added.push(name);
    if (outcome === "failed" && was !== "failed") diff.newlyFailed.push(name);
    if (outcome === "errored" && was !== "errored") diff.newlyErrored.push(name);
    if (outcome === "passed" && was !== undefined && was !== "passed") diff.newlyPassed.push(name);
  }
  for (const name of before.keys()) {
    if (!now.has(name)) diff.removed.push(name);
  }
  for (const list of Object.values(diff)) list.sort();
  return diff;
}

/** A name listed twice keeps its worst outcome, as the results reader does. */
export function outcomesByName(checks: DiffableRun["checks"]): Map<string, CheckOutcome> {
  const outcomes = new Map<string, CheckOutcome>();
  for (const { canonicalName, outcome } of checks) {
    const seen = outcomes.get(canonicalName);
    outcomes.set(canonicalName, seen === undefined ? outcome : worseOutcome(seen, outcome));
  }
  return outcomes;
}
