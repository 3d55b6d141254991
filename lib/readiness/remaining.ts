import { BLOCKING_SEVERITIES, type Severity } from "@/lib/requirements/catalog";
import { SETTLED, type Evidence, type MatrixRow } from "@/lib/requirements/matrix";
import type { RemainingRequirement } from "./schema";

// What still stands between a component (or the listing) and Red Hat's catalog: every requirement
// that blocks (automated gates, Red Hat reviews, portal tasks) whose evidence does not settle it.
// Warnings, optional checks and after-certification maintenance never hold a listing back.

const blocking = new Set<string>(BLOCKING_SEVERITIES satisfies readonly Severity[]);

export function remainingOf(rows: MatrixRow[]): RemainingRequirement[] {
  return rows
    .filter((row) => blocking.has(row.severity) && !SETTLED.has(row.evidence))
    .map(({ code, title, evidence, detail, item }) => ({ code, title, evidence, detail, item }));
}

/** Remaining work that went wrong or lapsed, listed first: a failure, a refusal, an expiry, an exception never requested. */
const URGENT = new Set<Evidence>(["failed", "errored", "not_met", "stale", "not_requested"]);

export const urgentOf = (remaining: RemainingRequirement[]) => remaining.filter((r) => URGENT.has(r.evidence));
