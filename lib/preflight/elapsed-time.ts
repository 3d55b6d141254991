import { MAX_ELAPSED_MS } from "./limits";

// elapsed_time is integer milliseconds written as a JSON number (since Aug 2021). Pre-release
// output wrote a Go duration string ("3.544120881s"), which converts exactly. A fractional number
// matches no preflight version (only hand-written files have it) and its unit cannot be known.

export type ElapsedIssue = "fractional" | "out_of_range" | "not_a_duration" | "wrong_type";
export type ElapsedTime = { ms: number | null; issue: ElapsedIssue | null };

export const ELAPSED_ISSUE_TEXT: Record<ElapsedIssue, string> = {
  fractional: "not whole milliseconds, which preflight never writes, so the unit is unknown",
  out_of_range: "negative or longer than any check can run",
  not_a_duration: "a string that is not a Go duration",
  wrong_type: "neither a number nor a duration string",
};

const GO_DURATION_PART = /(\d+(?:\.\d+)?)(h|ms|m|s|us|µs|μs|ns)/gy;
const UNIT_MS = new Map<string, number>([
  ["h", 3_600_000],
  ["m", 60_000],
  ["s", 1000],
  ["ms", 1],
  ["us", 0.001],
  ["µs", 0.001],
  ["μs", 0.001],
  ["ns", 1e-6],
]);

/** Missing means "not recorded": ≤1.0.x omitted zero values, hand-edited files omit anything. */
export function readElapsedTime(value: unknown): ElapsedTime {
  if (value === undefined || value === null) return { ms: null, issue: null };
  if (typeof value === "number") return fromMilliseconds(value);
  if (typeof value === "string") return fromGoDuration(value);
  return { ms: null, issue: "wrong_type" };
}

function fromMilliseconds(value: number): ElapsedTime {
  if (!Number.isInteger(value)) return { ms: null, issue: "fractional" };
  if (value < 0 || value > MAX_ELAPSED_MS) return { ms: null, issue: "out_of_range" };
  return { ms: value, issue: null };
}

function fromGoDuration(text: string): ElapsedTime {
  const trimmed = text.trim();
  if (trimmed === "0") return { ms: 0, issue: null };
  let total = 0;
  let consumed = 0;
  GO_DURATION_PART.lastIndex = 0;
  for (let match = GO_DURATION_PART.exec(trimmed); match; match = GO_DURATION_PART.exec(trimmed)) {
    total += Number(match[1]) * (UNIT_MS.get(match[2] ?? "") ?? Number.NaN);
    consumed = GO_DURATION_PART.lastIndex;
  }
  if (consumed === 0 || consumed !== trimmed.length || !Number.isFinite(total)) {
    return { ms: null, issue: "not_a_duration" };
  }
  // Durations below a millisecond round to 0; a fractional result of the conversion is not an issue.
  const ms = Math.round(total);
  return ms > MAX_ELAPSED_MS ? { ms: null, issue: "out_of_range" } : { ms, issue: null };
}
