import { identifyCheck } from "./check-catalogue";
import { ELAPSED_ISSUE_TEXT, readElapsedTime, type ElapsedIssue } from "./elapsed-time";
import { MAX_CHECKS_PER_RUN } from "./limits";
import { PreflightParseError } from "./parse-error";
import { rawEntrySchema, type RawResults } from "./raw-results";
import type { CheckOutcome, ParsedCheck } from "./schema";

// results.{passed,failed,errors,warning}[] → one ParsedCheck per check. Entries without a usable
// name are skipped with a warning. A check listed twice (never seen, but multi-variant indexes
// could cause it, as could an old and a new name side by side) keeps its worst outcome.

const BUCKETS = [
  ["passed", "passed"],
  ["failed", "failed"],
  ["errors", "errored"],
  ["warning", "warned"],
] as const satisfies ReadonlyArray<readonly [keyof RawResults["results"], CheckOutcome]>;

const SEVERITY: Record<CheckOutcome, number> = { passed: 0, warned: 1, failed: 2, errored: 3 };

export function worseOutcome(a: CheckOutcome, b: CheckOutcome): CheckOutcome {
  return SEVERITY[b] > SEVERITY[a] ? b : a;
}

export type BuiltChecks = { checks: ParsedCheck[]; warnings: string[] };

export function buildChecks(results: RawResults["results"], label: string, offset: number): BuiltChecks {
  const entries = BUCKETS.flatMap(([key, outcome]) => (results[key] ?? []).map((entry) => ({ entry, outcome, key })));
  if (entries.length > MAX_CHECKS_PER_RUN) {
    throw new PreflightParseError(
      "too_large",
      `${label} lists ${entries.length} check results; the limit is ${MAX_CHECKS_PER_RUN} (preflight runs at most about 10).`,
      { offset },
    );
  }
  const warnings: string[] = [];
  const byName = new Map<string, ParsedCheck>();
  const elapsedIssues = new Map<ElapsedIssue, string[]>();
  const unnamed = new Map<string, number>();
  for (const { entry, outcome, key } of entries) {
    const parsed = rawEntrySchema.safeParse(entry);
    const name = parsed.success && typeof parsed.data.name === "string" ? parsed.data.name.trim() : "";
    if (!parsed.success || !name) {
      unnamed.set(key, (unnamed.get(key) ?? 0) + 1);
      continue;
    }
    const raw = parsed.data;
    const elapsed = readElapsedTime(raw.elapsed_time);
    if (elapsed.issue) elapsedIssues.set(elapsed.issue, [...(elapsedIssues.get(elapsed.issue) ?? []), name]);
    const identity = identifyCheck(name);
    const check: ParsedCheck = {
      name,
      canonicalName: identity.canonicalName,
      outcome,
      elapsedMs: elapsed.ms,
      description: raw.description ?? null,
      help: raw.help ?? null,
      suggestion: raw.suggestion ?? null,
      knowledgebaseUrl: raw.knowledgebase_url ?? null,
      checkUrl: raw.check_url ?? null,
      known: identity.known,
      removed: identity.removed,
    };
    const previous = byName.get(check.canonicalName);
    if (previous) {
      warnings.push(`The check ${check.canonicalName} is listed more than once; its worst outcome is kept.`);
      if (worseOutcome(previous.outcome, outcome) === previous.outcome) continue;
    }
    byName.set(check.canonicalName, check);
  }
  for (const [key, count] of unnamed) {
    warnings.push(`${count} ${count === 1 ? "entry" : "entries"} in results.${key} had no check name and were skipped.`);
  }
  for (const [issue, names] of elapsedIssues) {
    warnings.push(`elapsed_time was dropped for ${names.join(", ")}: ${ELAPSED_ISSUE_TEXT[issue]}.`);
  }
  return { checks: [...byName.values()], warnings };
}

/** One note per kind of name that needs a reader's attention. */
export function describeNames(checks: readonly ParsedCheck[]): string[] {
  const unknown = checks.filter((check) => !check.known).map((check) => check.name);
  const removed = checks.filter((check) => check.removed).map((check) => check.name);
  const renamed = checks.filter((check) => check.name !== check.canonicalName);
  return [
    ...(unknown.length ? [`Unknown checks kept as-is (a newer preflight?): ${unknown.join(", ")}.`] : []),
    ...(removed.length ? [`Checks no longer run by current preflight: ${removed.join(", ")}.`] : []),
    ...renamed.map((check) => `${check.name} is the old name of ${check.canonicalName}.`),
  ];
}
