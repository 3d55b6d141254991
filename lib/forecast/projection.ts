import { uniformInt } from "pure-rand/distribution/uniformInt";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";

// When the remaining work will be done, in weeks from now, as a distribution rather than a date:
// - from the team's own history: a Monte Carlo over its weekly throughput (items closed in each
//   past week), each simulated week drawing one past week at random until nothing remains;
// - without enough history: from the remaining effort range and the hours a week the product sets,
//   taking every value between the low and the high estimate as equally likely.
// Pure and seeded: the same inputs give the same projection, so a forecast can be explained and tested.

/** Weeks of history a throughput projection needs; fewer and the effort projection is used. */
export const MIN_HISTORY_WEEKS = 3;
/** Simulations per projection: p85 moves by well under a week between seeds at this count. */
export const DEFAULT_RUNS = 10_000;
/** A simulation still running after this many weeks (two years) is counted as "later than that". */
export const MAX_WEEKS = 104;

export type Projection = { p50Weeks: number; p85Weeks: number };

export type ThroughputResult =
  | ({ kind: "throughput" } & Projection)
  | { kind: "too_little_history"; weeks: number }
  | { kind: "no_throughput"; weeks: number };

/** Nearest-rank percentile of sorted values (p in 0–1). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new Error("percentile of nothing");
  const rank = Math.max(1, Math.ceil(p * sorted.length));
  return sorted[rank - 1]!;
}

/** Weeks until `remaining` items are closed, drawing each week's throughput from `weeklyClosed`. */
export function projectFromThroughput(input: { remaining: number; weeklyClosed: readonly number[]; seed: number; runs?: number }): ThroughputResult {
  const { remaining, weeklyClosed, seed } = input;
  const runs = input.runs ?? DEFAULT_RUNS;
  if (weeklyClosed.length < MIN_HISTORY_WEEKS) return { kind: "too_little_history", weeks: weeklyClosed.length };
  if (weeklyClosed.every((closed) => closed <= 0)) return { kind: "no_throughput", weeks: weeklyClosed.length };
  if (remaining <= 0) return { kind: "throughput", p50Weeks: 0, p85Weeks: 0 };
  // Each run draws from its own stream (the generator jumped ahead once per run), so run k sees
  // the same simulated weeks whatever `remaining` is: with the same seed and history, more work never
  // comes out sooner, and a phase never before the phases it waits on.
  const streams = xoroshiro128plus(seed);
  const last = weeklyClosed.length - 1;
  const outcomes = new Array<number>(runs);
  for (let run = 0; run < runs; run += 1) {
    const rng = streams.clone();
    streams.jump();
    let left = remaining;
    let weeks = 0;
    while (left > 0 && weeks < MAX_WEEKS) {
      left -= weeklyClosed[uniformInt(rng, 0, last)]!;
      weeks += 1;
    }
    outcomes[run] = left > 0 ? MAX_WEEKS + 1 : weeks;
  }
  outcomes.sort((a, b) => a - b);
  return { kind: "throughput", p50Weeks: percentile(outcomes, 0.5), p85Weeks: percentile(outcomes, 0.85) };
}

/** Weeks until the remaining effort is spent at `hoursPerWeek`, the estimate's range taken as uniform. */
export function projectFromEffort(input: { minHours: number; maxHours: number; hoursPerWeek: number }): Projection {
  const { minHours, maxHours, hoursPerWeek } = input;
  if (!(hoursPerWeek > 0)) throw new Error("hoursPerWeek must be positive");
  if (minHours < 0 || maxHours < minHours) throw new Error("effort range must satisfy 0 ≤ min ≤ max");
  const at = (p: number) => (minHours + p * (maxHours - minHours)) / hoursPerWeek;
  return { p50Weeks: at(0.5), p85Weeks: at(0.85) };
}

export type ForecastStatus = "on_track" | "at_risk" | "off_track" | "no_target";

/** On track when 85% likely by the target, at risk when only 50% likely, off track otherwise. */
export function forecastStatus(target: Date | null, projected: { p50: Date; p85: Date }): ForecastStatus {
  if (target === null) return "no_target";
  if (projected.p85.getTime() <= target.getTime()) return "on_track";
  if (projected.p50.getTime() <= target.getTime()) return "at_risk";
  return "off_track";
}

/** `from` plus a (possibly fractional) number of weeks, rounded up to the end of that day (UTC). */
export function dateAfterWeeks(from: Date, weeks: number): Date {
  const DAY = 24 * 60 * 60 * 1000;
  const days = Math.ceil(weeks * 7);
  const start = Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate());
  return new Date(start + days * DAY);
}
