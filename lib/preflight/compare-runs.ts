import { diffRuns, outcomesByName, type DiffableRun, type RunDiff } from "./diff-runs";
import type { CheckOutcome } from "./schema";

// Any two runs side by side (the run history's "compare"): diffRuns' lists from `from` to `to`,
// plus what diffRuns does not name: checks whose outcome stayed the same, and the changes none
// of its lists covers (a check that now only warns). Every check present in both runs is in
// exactly one of newlyFailed, newlyErrored, newlyPassed, otherChanges and unchanged.

export type OutcomeChange = { name: string; from: CheckOutcome; to: CheckOutcome };

export type RunComparison = RunDiff & {
  otherChanges: OutcomeChange[];
  unchanged: { name: string; outcome: CheckOutcome }[];
};

export function compareRuns(from: DiffableRun, to: DiffableRun): RunComparison {
  const diff = diffRuns(from, to);
  const before = outcomesByName(from.checks);
  const now = outcomesByName(to.checks);
  const named = new Set([...diff.newlyFailed, ...diff.newlyErrored, ...diff.newlyPassed]);
  const otherChanges: OutcomeChange[] = [];
  const unchanged: RunComparison["unchanged"] = [];
  for (const [name, outcome] of [...now].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const was = before.get(name);
    if (was === undefined || named.has(name)) continue;
    if (was === outcome) unchanged.push({ name, outcome });
    else otherChanges.push({ name, from: was, to: outcome });
  }
  return { ...diff, otherChanges, unchanged };
}
