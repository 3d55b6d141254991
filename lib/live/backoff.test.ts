import { describe, expect, it } from "vitest";
import { backoffDelay, DEFAULT_BACKOFF } from "./backoff";

describe("backoffDelay", () => {
  const options = { baseMs: 500, maxMs: 30_000 };

  it("doubles from the base, half fixed and half random", () => {
    expect([0, 1, 2, 3].map((attempt) => backoffDelay(attempt, options, () => 0))).toEqual([250, 500, 1_000, 2_000]);
    expect([0, 1, 2, 3].map((attempt) => backoffDelay(attempt, options, () => 0.999999))).toEqual([500, 1_000, 2_000, 4_000]);
    expect(backoffDelay(2, options, () => 0.5)).toBe(1_500);
  });

  it("never exceeds the cap, even for huge or nonsensical attempts", () => {
    for (const attempt of [7, 20, 1_000, Number.MAX_SAFE_INTEGER]) {
      expect(backoffDelay(attempt, options, () => 0.999999)).toBe(30_000);
      expect(backoffDelay(attempt, options, () => 0)).toBe(15_000);
    }
    expect(backoffDelay(-3, options, () => 0)).toBe(250);
    expect(backoffDelay(Number.NaN, options, () => 0)).toBe(250);
  });

  it("clamps a random source outside [0, 1)", () => {
    expect(backoffDelay(0, options, () => 5)).toBe(500);
    expect(backoffDelay(0, options, () => -1)).toBe(250);
  });

  it("has defaults that retry quickly at first and at most every 30 s", () => {
    expect(backoffDelay(0)).toBeLessThanOrEqual(DEFAULT_BACKOFF.baseMs);
    expect(backoffDelay(100)).toBeLessThanOrEqual(30_000);
  });
});
