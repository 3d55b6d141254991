import { z } from "zod";
import { parseImageRef } from "@/lib/components/image-ref";
import { runName } from "@/lib/run-text";
import { isFirstRunDiff, readRunDiff, type RunGate } from "./client";
import { outcomesByName, type DiffableRun } from "./diff-runs";
import type { CheckOutcome } from "./schema";

// The CI gate of a stored run: which checks failed, and which of them are new since the previous
// run of the same component and architecture. Pure, so the upload answer, the CLI and the
// notification worker (run.failed / run.regressed) read one rule.
//
// An ERRORED check counts as failed. preflight's own verdict is `passed = no failed and no errors`
// (docs/preflight-format.md §2.1) and its log then says "Preflight result: FAILED": an errored
// check is missing evidence, never a pass, so a gate that let it through would wave on a run
// preflight itself failed. Warnings do not count, as in preflight. So a check that flips between
// failed and errored was failing before and is not "regressed". Checks the component's policy in
// force does not apply (a root exception's RunAsNonRoot) are evidence, never work: left out when
// the caller names them, as the upload answer does.

export type { RunGate } from "./client";

const FAILING: ReadonlySet<CheckOutcome> = new Set(["failed", "errored"]);

/** Canonical names of the checks that failed or errored (a name listed twice keeps its worst outcome), sorted. */
export function failingChecks(checks: DiffableRun["checks"]): string[] {
  return [...outcomesByName(checks)].filter(([, outcome]) => FAILING.has(outcome)).map(([name]) => name).sort();
}

/**
 * Failing now and not failing in `previous` (a check absent before counts as not failing). Without
 * a previous run every failing check is new, as in diffRuns; the gate itself then reports none
 * (see runGate). The ingester stores this list in the run's diff beside diffRuns' lists.
 */
export function newlyFailing(previous: DiffableRun | null | undefined, current: DiffableRun): string[] {
  const before = new Set(failingChecks(previous?.checks ?? []));
  return failingChecks(current.checks).filter((name) => !before.has(name));
}

/** What the ingester adds to diffRuns' lists for the gate (absent on runs stored before the gate existed). */
const gateDiffSchema = z.object({
  /** The run compared with; null when there was none (first run of the component and architecture, or unassigned). */
  previousRunId: z.string().nullable().optional().catch(undefined),
  newlyFailing: z.array(z.string()).optional().catch(undefined),
});

export type GateInput = {
  /** An unassigned run belongs to no component yet, so nothing can have regressed. */
  unassigned: boolean;
  /** PreflightRun.diff as stored (or as the ingester just computed it). */
  diff: unknown;
  checks: DiffableRun["checks"];
  /** Checks the component's policy in force drops (lib/components/policy notApplicableChecks): left out of both lists. */
  exempt?: ReadonlySet<string>;
};

/**
 * `failed`: the checks that failed or errored in this run. `regressed`: those of them that did not
 * fail or error in the previous run of the same component and architecture; none for a first run,
 * an unassigned run, or a run whose stored diff cannot be read. Reads the diff stored at ingest
 * (older runs without `newlyFailing` fall back to diffRuns' newlyFailed and newlyErrored).
 * Takes a run as lib/preflight/data.ts getRun returns it.
 */
export function runGate(run: GateInput): RunGate {
  const failed = failingChecks(run.checks).filter((name) => !run.exempt?.has(name));
  const diff = readRunDiff(run.diff);
  if (run.unassigned || failed.length === 0 || !diff) return { failed, regressed: [] };
  const extra = gateDiffSchema.safeParse(run.diff);
  const stored = extra.success ? extra.data : {};
  const hadBaseline = stored.previousRunId !== undefined ? stored.previousRunId !== null : !isFirstRunDiff(diff, run.checks.map((c) => c.canonicalName));
  if (!hadBaseline) return { failed, regressed: [] };
  const fresh = new Set(stored.newlyFailing ?? [...diff.newlyFailed, ...diff.newlyErrored]);
  return { failed, regressed: failed.filter((name) => fresh.has(name)) };
}

export const FAIL_ON = ["failed", "regressed", "none"] as const;
export type FailOn = (typeof FAIL_ON)[number];

/** A run of the upload answer (POST /api/v1/preflight/runs, assign), which carries its gate. */
export type GatedRun = { component: string | null; image: string; arch: string; gate: RunGate };
export type GateBreach = { run: GatedRun; checks: string[] };

/** The runs of an upload answer for which `--fail-on <failOn>` holds, with the checks that make it hold. */
export function gateBreaches(runs: readonly GatedRun[], failOn: FailOn): GateBreach[] {
  if (failOn === "none") return [];
  return runs.map((run) => ({ run, checks: failOn === "failed" ? run.gate.failed : run.gate.regressed })).filter((breach) => breach.checks.length > 0);
}

/** "neuron-operator v0.1.4 (amd64): newly failed since the previous run: HasLicense, RunAsNonRoot". */
export function breachText({ run, checks }: GateBreach, failOn: Exclude<FailOn, "none">): string {
  const name = runName({ component: run.component, tag: parseImageRef(run.image)?.tag ?? null, architecture: run.arch });
  const what = failOn === "failed" ? "failed or errored" : "newly failed or errored since the previous run";
  return `${name}: ${checks.length} ${checks.length === 1 ? "check" : "checks"} ${what}: ${checks.join(", ")}`;
}
