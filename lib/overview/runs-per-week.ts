import { isoDay } from "@/lib/calendar/days";
import { utcDay } from "./burndown";
import type { WeekRuns } from "./schema";

// Preflight runs per week (weeks start on Monday, UTC), passed vs failed, for the last `weeks`
// weeks including the current one. Empty weeks are kept so the chart's time axis has no gaps.

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;

/** Monday 00:00 UTC of the week holding `date`. */
export function weekStart(date: Date): number {
  const day = utcDay(date);
  const weekday = (new Date(day).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return day - weekday * DAY_MS;
}

/** `count` lets a caller pass runs already counted per day (the overview aggregates in SQL); default 1. */
export function runsPerWeek(runs: ReadonlyArray<{ createdAt: Date; passed: boolean; count?: number }>, now: Date, weeks = 12): WeekRuns[] {
  const last = weekStart(now);
  const first = last - (weeks - 1) * WEEK_MS;
  const buckets: WeekRuns[] = Array.from({ length: weeks }, (_, i) => ({ weekStart: isoDay(first + i * WEEK_MS), passed: 0, failed: 0 }));
  for (const run of runs) {
    if (run.createdAt.getTime() > now.getTime()) continue;
    const index = Math.round((weekStart(run.createdAt) - first) / WEEK_MS);
    const bucket = buckets[index];
    if (!bucket) continue;
    if (run.passed) bucket.passed += run.count ?? 1;
    else bucket.failed += run.count ?? 1;
  }
  return buckets;
}
