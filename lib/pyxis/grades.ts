import type { FreshnessGrade } from "./schema";

// Freshness grades: Red Hat grades each image A (no known unfixed security issues) to F, and the
// grade falls over time as advisories are published, so an image carries a dated list of grades.

export type CurrentGrade = { grade: string; since: string; until: string | null };

/**
 * The grade in force at `now`: start_date ≤ now < end_date, a missing end_date meaning open-ended.
 * If ranges overlap, the one that started last wins. Dates come back as ISO strings.
 */
export function currentGrade(image: { freshness_grades: FreshnessGrade[] }, now: Date): CurrentGrade | null {
  const at = now.getTime();
  let best: { grade: string; start: number; end: number | null } | null = null;
  for (const entry of image.freshness_grades) {
    const start = Date.parse(entry.start_date);
    const end = entry.end_date ? Date.parse(entry.end_date) : null;
    if (Number.isNaN(start) || (end !== null && Number.isNaN(end))) continue;
    if (start > at || (end !== null && at >= end)) continue;
    if (!best || start > best.start) best = { grade: entry.grade.trim().toUpperCase(), start, end };
  }
  if (!best) return null;
  return { grade: best.grade, since: new Date(best.start).toISOString(), until: best.end === null ? null : new Date(best.end).toISOString() };
}
