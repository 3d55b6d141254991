import { describe, expect, it } from "vitest";
import { MAX_FAILED_STARTS, restartPlan, workerCount } from "./workers.mjs";

describe("CERTBOARD_WORKERS", () => {
  it("defaults to one process per core, at most 8", () => {
    expect(workerCount(undefined, 2)).toBe(2);
    expect(workerCount("", 1)).toBe(1);
    expect(workerCount(undefined, 32)).toBe(8);
  });

  it("takes a whole number from 1 to 64", () => {
    expect(workerCount("1", 4)).toBe(1);
    expect(workerCount(" 3 ", 4)).toBe(3);
    expect(workerCount("64", 4)).toBe(64);
  });

  it.each(["0", "65", "-1", "2.5", "two", "1e1", "0x2"])("refuses %j with a message naming the range", (value) => {
    expect(() => workerCount(value, 4)).toThrow(/CERTBOARD_WORKERS must be a whole number from 1 to 64/);
  });
});

describe("restarts", () => {
  it("restarts at once after a worker that lived long", () => {
    expect(restartPlan({ youngDeaths: 0, failedStarts: 0 })).toEqual({ giveUp: false, delayMs: 0 });
  });

  it("backs off, doubling, when workers die young in a row, up to 30 s", () => {
    const delays = [1, 2, 3, 4, 10].map((n) => restartPlan({ youngDeaths: n, failedStarts: 0 }));
    expect(delays).toEqual([500, 1_000, 2_000, 4_000, 30_000].map((delayMs) => ({ giveUp: false, delayMs })));
  });

  it("gives up when workers keep dying before they ever listen (a broken build)", () => {
    expect(restartPlan({ youngDeaths: MAX_FAILED_STARTS, failedStarts: MAX_FAILED_STARTS })).toEqual({ giveUp: true });
    expect(restartPlan({ youngDeaths: MAX_FAILED_STARTS, failedStarts: MAX_FAILED_STARTS - 1 }).giveUp).toBe(false);
  });
});
