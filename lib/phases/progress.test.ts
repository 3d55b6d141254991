import { describe, expect, it } from "vitest";
import { computePhaseProgress, type ProgressItem } from "@/lib/phases/progress";

const item = (status: ProgressItem["status"], min: number | null, max: number | null): ProgressItem => ({ status, effortMinHours: min, effortMaxHours: max });

describe("computePhaseProgress", () => {
  it("gives an empty phase zero progress", () => {
    expect(computePhaseProgress([])).toEqual({
      total: 0,
      done: 0,
      byCount: 0,
      effort: { doneMinHours: 0, doneMaxHours: 0, totalMinHours: 0, totalMaxHours: 0, remainingMinHours: 0, remainingMaxHours: 0, unestimated: 0 },
    });
  });

  it("sums effort ranges into done, total and remaining", () => {
    const result = computePhaseProgress([item("done", 12, 20), item("in_progress", 40, 60), item("not_started", 28, 40)]);
    expect(result.total).toBe(3);
    expect(result.done).toBe(1);
    expect(result.byCount).toBeCloseTo(1 / 3);
    expect(result.effort).toEqual({ doneMinHours: 12, doneMaxHours: 20, totalMinHours: 80, totalMaxHours: 120, remainingMinHours: 68, remainingMaxHours: 100, unestimated: 0 });
  });

  it("counts won't-do items as done by count but leaves them out of effort", () => {
    const result = computePhaseProgress([item("wont_do", 8, 16), item("not_started", 2, 4)]);
    expect(result.done).toBe(1);
    expect(result.byCount).toBe(0.5);
    expect(result.effort.totalMaxHours).toBe(4);
    expect(result.effort.remainingMinHours).toBe(2);
    expect(result.effort.doneMaxHours).toBe(0);
  });

  it("counts open items without an estimate as unestimated, and not closed ones", () => {
    const result = computePhaseProgress([item("blocked", null, null), item("in_review", null, null), item("done", null, null), item("wont_do", null, null)]);
    expect(result.effort.unestimated).toBe(2);
    expect(result.effort.remainingMaxHours).toBe(0);
    expect(result.done).toBe(2);
  });

  it("uses the maximum when only a maximum is stored, and rounds fractions of hours", () => {
    const result = computePhaseProgress([item("not_started", null, 3), item("not_started", 1 / 3, 1 / 3)]);
    expect(result.effort.remainingMinHours).toBe(3.3333);
    expect(result.effort.remainingMaxHours).toBe(3.3333);
  });
});
