// "3 hours ago", "yesterday": ages for people, computed against an explicit `now` so a server
// render and its test agree. Times slightly in the future (clock skew) read "just now".

const RELATIVE = new Intl.RelativeTimeFormat("en", { numeric: "auto" });

const UNITS: { unit: Intl.RelativeTimeFormatUnit; ms: number; below: number }[] = [
  { unit: "minute", ms: 60_000, below: 60 },
  { unit: "hour", ms: 3_600_000, below: 24 },
  { unit: "day", ms: 86_400_000, below: 7 },
  { unit: "week", ms: 7 * 86_400_000, below: 5 },
  { unit: "month", ms: 30 * 86_400_000, below: 12 },
  { unit: "year", ms: 365 * 86_400_000, below: Infinity },
];

export function formatAge(when: Date | string, now: Date): string {
  const elapsed = now.getTime() - new Date(when).getTime();
  if (elapsed < 45_000) return "just now";
  for (const { unit, ms, below } of UNITS) {
    const amount = Math.max(1, Math.round(elapsed / ms));
    if (amount < below) return RELATIVE.format(-amount, unit);
  }
  return RELATIVE.format(-Math.round(elapsed / UNITS.at(-1)!.ms), "year");
}

/** Whole days ago in words: "today", "yesterday", "12 days ago". */
export function daysAgoText(days: number): string {
  return RELATIVE.format(-days, "day");
}
