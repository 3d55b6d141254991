/**
 * Latency statistics, one method for every measurement (HTTP through autocannon, raw SQL through
 * pg): every sample kept, percentiles by linear interpolation between the closest ranks (the
 * default of numpy and of most spreadsheets), so p50 of [1, 2, 3, 4] is 2.5.
 */

/**
 * @param {readonly number[]} sorted ascending
 * @param {number} p 0–100
 */
export function percentileOfSorted(sorted, p) {
  if (sorted.length === 0) return Number.NaN;
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile must be within 0..100, got ${p}`);
  const rank = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  const a = /** @type {number} */ (sorted[lo]);
  const b = /** @type {number} */ (sorted[hi]);
  return a + (b - a) * (rank - lo);
}

/**
 * @param {readonly number[]} samples milliseconds, in any order
 * @returns {{ count: number, mean: number, p50: number, p95: number, p99: number, max: number }}
 */
export function summarize(samples) {
  const sorted = [...samples].sort((x, y) => x - y);
  const sum = sorted.reduce((s, x) => s + x, 0);
  return {
    count: sorted.length,
    mean: sorted.length ? sum / sorted.length : Number.NaN,
    p50: percentileOfSorted(sorted, 50),
    p95: percentileOfSorted(sorted, 95),
    p99: percentileOfSorted(sorted, 99),
    max: sorted.length ? /** @type {number} */ (sorted[sorted.length - 1]) : Number.NaN,
  };
}

/** @param {readonly number[]} values */
export function median(values) {
  return percentileOfSorted([...values].sort((x, y) => x - y), 50);
}

/** Rounds for the report: three significant digits at most, whole numbers kept whole. @param {number} x */
export function round(x) {
  if (!Number.isFinite(x)) return x;
  if (Math.abs(x) >= 100) return Math.round(x);
  return Number(x.toPrecision(3));
}
