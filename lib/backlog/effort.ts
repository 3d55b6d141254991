// Effort estimates as written in the backlog ("2-3 weeks", "30 minutes") ↔ hours.
// A working day is 8 h and a working week 40 h, so estimates add up like a plan.

export type EffortHours = { min: number; max: number };

const HOURS_PER_UNIT: ReadonlyArray<[RegExp, number]> = [
  [/^(?:minutes?|mins?|m)$/, 1 / 60],
  [/^(?:hours?|hrs?|h)$/, 1],
  [/^(?:days?|d)$/, 8],
  [/^(?:weeks?|wks?|w)$/, 40],
  [/^months?$/, 160],
];

const EFFORT = /^(?:~|about|approx\.?|approximately)?\s*(\d+(?:\.\d+)?)\s*(?:(?:-|to)\s*(\d+(?:\.\d+)?)\s*)?([a-z]+)\b/;

/** Rounded to 4 decimals so "20 minutes" stores as 0.3333 rather than a long float. */
function round(hours: number): number {
  return Math.round(hours * 10_000) / 10_000;
}

/** "2-3 weeks" → { min: 80, max: 120 }; "-", "" or anything unreadable → null. Trailing words are ignored. */
export function parseEffort(text: string | null): EffortHours | null {
  if (text === null) return null;
  const normalised = text.trim().toLowerCase().replace(/[\u2010-\u2015\u2212]/g, "-");
  const match = EFFORT.exec(normalised);
  if (!match) return null;
  const [, first, second, unit] = match;
  if (first === undefined || unit === undefined) return null;
  const factor = HOURS_PER_UNIT.find(([pattern]) => pattern.test(unit))?.[1];
  if (factor === undefined) return null;
  const a = Number(first) * factor;
  const b = second === undefined ? a : Number(second) * factor;
  return { min: round(Math.min(a, b)), max: round(Math.max(a, b)) };
}

/** What a person may type as an effort, for the message that refuses anything else. */
export const EFFORT_FORMS = 'a number and a unit ("30m", "2h", "3 days", "1 week"), or a range ("1-2 days", "2 to 3 weeks"); units: minutes (m), hours (h), days (d), weeks (w), months';

function formatNumber(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/** Display form: "0.5 h", "80–120 h". */
export function formatHours(min: number, max: number): string {
  return min === max ? `${formatNumber(min)} h` : `${formatNumber(min)}–${formatNumber(max)} h`;
}

/**
 * Back to the document's own wording, in the largest unit that divides both ends:
 * 0.5 → "30 minutes", 80..120 → "2-3 weeks", 81.5..122.5 → "81.5-122.5 hours".
 * parseEffort reads every result back to the same hours.
 */
export function formatEffortText(min: number, max: number): string {
  const phrase = (low: number, high: number, unit: string): string => {
    const amount = low === high ? formatNumber(low) : `${formatNumber(low)}-${formatNumber(high)}`;
    return `${amount} ${unit}${low === 1 && high === 1 ? "" : "s"}`;
  };
  const divides = (unit: number): boolean => min % unit === 0 && max % unit === 0;
  if (max < 1) return phrase(Math.round(min * 60), Math.round(max * 60), "minute");
  if (min > 0 && divides(40)) return phrase(min / 40, max / 40, "week");
  if (min > 0 && divides(8)) return phrase(min / 8, max / 8, "day");
  return phrase(min, max, "hour");
}

/** Sum of ranges; null when no range is given. */
export function sumEffort(ranges: ReadonlyArray<EffortHours>): EffortHours | null {
  if (ranges.length === 0) return null;
  return ranges.reduce((total, range) => ({ min: round(total.min + range.min), max: round(total.max + range.max) }), {
    min: 0,
    max: 0,
  });
}
