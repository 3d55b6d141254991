import { describe, expect, it } from "vitest";

import {
  dateAfterWeeks,
  DEFAULT_RUNS,
  forecastStatus,
  MAX_WEEKS,
  percentile,
  projectFromEffort,
  projectFromThroughput,
} from "./projection";

describe("percentile (nearest rank)", () => {
  it.each([
    [[1, 2, 3, 4], 0.5, 2],
    [[1, 2, 3, 4], 0.85, 4],
    [[7], 0.85, 7],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.85, 9],
  ])("%j at %d is %d", (values, p, expected) => {
    expect(percentile(values, p)).toBe(expected);
  });
});

describe("projectFromThroughput", () => {
  it("a team closing 2 items every week finishes 6 in exactly 3 weeks", () => {
    expect(projectFromThroughput({ remaining: 6, weeklyClosed: [2, 2, 2, 2], seed: 1 })).toEqual({ kind: "throughput", p50Weeks: 3, p85Weeks: 3 });
  });

  it("matches the hand-computed distribution for weeks of 1, 1, 1 and 3 items and 3 remaining", () => {
    // Week one closes 3 with probability 1/4 (done in 1 week); else 1 is closed and 2 remain:
    // week two closes 3 with probability 1/4 (2 weeks: 3/16); else 1 remains and week three ends it
    // (9/16). So P(≤1) = .25, P(≤2) = .4375, P(≤3) = 1: the median and p85 are both 3 weeks.
    const result = projectFromThroughput({ remaining: 3, weeklyClosed: [1, 1, 1, 3], seed: 20_261_205 });
    expect(result).toEqual({ kind: "throughput", p50Weeks: 3, p85Weeks: 3 });
    // And with the target moved to "2 left", one week's 3 or two weeks of 1 close them:
    // P(1 week) = 1/4, P(2 weeks) = 3/4, so the median is 2 and p85 is 2.
    expect(projectFromThroughput({ remaining: 2, weeklyClosed: [1, 1, 1, 3], seed: 7 })).toEqual({ kind: "throughput", p50Weeks: 2, p85Weeks: 2 });
  });

  it("is the same for the same seed and within a week between seeds", () => {
    const input = { remaining: 40, weeklyClosed: [0, 3, 5, 1, 4, 2, 6, 0, 3] };
    const a = projectFromThroughput({ ...input, seed: 1 });
    expect(projectFromThroughput({ ...input, seed: 1 })).toEqual(a);
    const b = projectFromThroughput({ ...input, seed: 2 });
    if (a.kind !== "throughput" || b.kind !== "throughput") throw new Error("expected throughput projections");
    expect(Math.abs(a.p85Weeks - b.p85Weeks)).toBeLessThanOrEqual(1);
    // Mean throughput is 24/9 items a week: 40 items take about 15 weeks.
    expect(a.p50Weeks).toBeGreaterThanOrEqual(13);
    expect(a.p50Weeks).toBeLessThanOrEqual(17);
    expect(a.p85Weeks).toBeGreaterThanOrEqual(a.p50Weeks);
  });

  it("never finishes more work sooner: every run sees the same weeks whatever remains", () => {
    const weeklyClosed = [0, 3, 5, 1, 4, 2, 6, 0, 3];
    let previous = { p50Weeks: 0, p85Weeks: 0 };
    for (let remaining = 1; remaining <= 40; remaining += 1) {
      const result = projectFromThroughput({ remaining, weeklyClosed, seed: 3, runs: 2_000 });
      if (result.kind !== "throughput") throw new Error("expected a throughput projection");
      expect(result.p50Weeks).toBeGreaterThanOrEqual(previous.p50Weeks);
      expect(result.p85Weeks).toBeGreaterThanOrEqual(previous.p85Weeks);
      previous = result;
    }
  });

  it("says why it cannot project: too few weeks of history, or nothing ever closed", () => {
    expect(projectFromThroughput({ remaining: 5, weeklyClosed: [3, 4], seed: 1 })).toEqual({ kind: "too_little_history", weeks: 2 });
    expect(projectFromThroughput({ remaining: 5, weeklyClosed: [0, 0, 0, 0], seed: 1 })).toEqual({ kind: "no_throughput", weeks: 4 });
  });

  it("nothing remaining is done now; work beyond two years is reported as later than that", () => {
    expect(projectFromThroughput({ remaining: 0, weeklyClosed: [1, 1, 1], seed: 1 })).toEqual({ kind: "throughput", p50Weeks: 0, p85Weeks: 0 });
    expect(projectFromThroughput({ remaining: 1000, weeklyClosed: [1, 0, 0], seed: 1, runs: DEFAULT_RUNS / 10 })).toEqual({
      kind: "throughput",
      p50Weeks: MAX_WEEKS + 1,
      p85Weeks: MAX_WEEKS + 1,
    });
  });
});

describe("projectFromEffort", () => {
  it("takes the estimate's range as uniform: 82–123 h at 20 h a week", () => {
    const { p50Weeks, p85Weeks } = projectFromEffort({ minHours: 82, maxHours: 123, hoursPerWeek: 20 });
    expect(p50Weeks).toBeCloseTo(102.5 / 20, 10);
    expect(p85Weeks).toBeCloseTo((82 + 0.85 * 41) / 20, 10);
  });

  it("refuses a capacity of zero and an inverted range", () => {
    expect(() => projectFromEffort({ minHours: 1, maxHours: 2, hoursPerWeek: 0 })).toThrow(/hoursPerWeek/);
    expect(() => projectFromEffort({ minHours: 3, maxHours: 2, hoursPerWeek: 10 })).toThrow(/range/);
  });
});

describe("forecastStatus", () => {
  const p50 = new Date("2027-01-20T00:00:00Z");
  const p85 = new Date("2027-02-02T00:00:00Z");
  it.each([
    [null, "no_target"],
    ["2027-02-02", "on_track"],
    ["2027-01-31", "at_risk"],
    ["2027-01-20", "at_risk"],
    ["2027-01-19", "off_track"],
  ] as const)("target %s → %s", (target, expected) => {
    expect(forecastStatus(target === null ? null : new Date(`${target}T00:00:00Z`), { p50, p85 })).toBe(expected);
  });
});

describe("dateAfterWeeks", () => {
  it("counts whole days from the start of today (UTC), rounding part-days up", () => {
    const now = new Date("2026-12-05T15:30:00Z");
    expect(dateAfterWeeks(now, 0).toISOString()).toBe("2026-12-05T00:00:00.000Z");
    expect(dateAfterWeeks(now, 1).toISOString()).toBe("2026-12-12T00:00:00.000Z");
    expect(dateAfterWeeks(now, 1.1).toISOString()).toBe("2026-12-13T00:00:00.000Z");
  });
});

