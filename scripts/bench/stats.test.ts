import { describe, expect, it } from "vitest";
import { datasetRows, DEFAULT_SIZES, parseBenchArgs, QUICK_SIZES } from "./options.mjs";
import { percentileOfSorted, round, summarize } from "./stats.mjs";

describe("percentiles", () => {
  it("interpolates between the closest ranks", () => {
    expect(percentileOfSorted([1, 2, 3, 4], 50)).toBe(2.5);
    expect(percentileOfSorted([10, 20, 30, 40, 50], 95)).toBeCloseTo(48);
    expect(percentileOfSorted([7], 95)).toBe(7);
    expect(percentileOfSorted([1, 2, 3], 0)).toBe(1);
    expect(percentileOfSorted([1, 2, 3], 100)).toBe(3);
  });

  it("summarizes samples given in any order, and says NaN for none", () => {
    const s = summarize([5, 1, 4, 2, 3]);
    expect(s).toMatchObject({ count: 5, mean: 3, p50: 3, max: 5 });
    expect(s.p95).toBeCloseTo(4.8);
    expect(Number.isNaN(summarize([]).p50)).toBe(true);
    expect(() => percentileOfSorted([1], 101)).toThrow(RangeError);
  });

  it("rounds for the report to three significant digits, whole numbers from 100", () => {
    expect(round(1.23456)).toBe(1.23);
    expect(round(0.0012345)).toBe(0.00123);
    expect(round(1234.56)).toBe(1235);
  });
});

describe("bench options", () => {
  it("defaults to the issue's dataset: a million check results", () => {
    const options = parseBenchArgs([]);
    if ("help" in options) throw new Error("no help expected");
    expect(options.sizes).toEqual(DEFAULT_SIZES);
    expect(datasetRows(options.sizes)).toMatchObject({ runs: 100_000, checkResults: 1_000_000, items: 5000, events: 50_000, imageTags: 25_000, itemComponents: 5450 });
  });

  it("takes sizes from flags, --quick as a base, and refuses nonsense", () => {
    const options = parseBenchArgs(["--quick", "--components", "3", "--runs=7", "--clients", "4"], { BENCH_PORT: "4000" });
    if ("help" in options) throw new Error("no help expected");
    expect(options.sizes).toEqual({ ...QUICK_SIZES, components: 3, runs: 7 });
    expect(options).toMatchObject({ quick: true, clients: 4, port: 4000, duration: 5 });
    expect(() => parseBenchArgs(["--checks", "0"])).toThrow(/--checks/);
    expect(() => parseBenchArgs(["--items", "10", "--events", "5"])).toThrow(/at least --items/);
    expect(() => parseBenchArgs(["--frobnicate"])).toThrow(/Unknown option/);
    expect(parseBenchArgs(["--help"])).toHaveProperty("help");
  });

  it("counts one item per component and known check, and second links only for backlog items", () => {
    expect(datasetRows({ ...QUICK_SIZES })).toMatchObject({ checkItems: 100, itemComponents: 540 });
    expect(datasetRows({ ...QUICK_SIZES, components: 1 })).toMatchObject({ checkItems: 10, itemComponents: 500 });
    expect(datasetRows({ ...QUICK_SIZES, items: 50 })).toMatchObject({ checkItems: 50, itemComponents: 50 });
  });
});
