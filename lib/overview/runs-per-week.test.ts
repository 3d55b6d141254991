import { describe, expect, it } from "vitest";
import { runsPerWeek, weekStart } from "./runs-per-week";

const at = (iso: string) => new Date(iso);
// Wednesday.
const NOW = at("2025-03-12T12:00:00Z");

describe("weekStart", () => {
  it("is the Monday of the week, Sunday belonging to the week before", () => {
    expect(new Date(weekStart(at("2025-03-12T23:00:00Z"))).toISOString()).toBe("2025-03-10T00:00:00.000Z");
    expect(new Date(weekStart(at("2025-03-10T00:00:00Z"))).toISOString()).toBe("2025-03-10T00:00:00.000Z");
    expect(new Date(weekStart(at("2025-03-09T23:59:59Z"))).toISOString()).toBe("2025-03-03T00:00:00.000Z");
  });
});

describe("runsPerWeek", () => {
  it("keeps every week of the window, oldest first, with zero counts for empty weeks", () => {
    const weeks = runsPerWeek([], NOW, 4);
    expect(weeks).toEqual([
      { weekStart: "2025-02-17", passed: 0, failed: 0 },
      { weekStart: "2025-02-24", passed: 0, failed: 0 },
      { weekStart: "2025-03-03", passed: 0, failed: 0 },
      { weekStart: "2025-03-10", passed: 0, failed: 0 },
    ]);
    expect(runsPerWeek([], NOW)).toHaveLength(12);
  });

  it("counts passed and failed runs in their week and drops runs outside the window", () => {
    const runs = [
      { createdAt: at("2025-03-11T08:00:00Z"), passed: true },
      { createdAt: at("2025-03-10T00:00:00Z"), passed: false },
      { createdAt: at("2025-03-09T23:00:00Z"), passed: false },
      { createdAt: at("2025-02-17T01:00:00Z"), passed: true },
      { createdAt: at("2025-02-16T23:00:00Z"), passed: true }, // before the window
      { createdAt: at("2025-03-13T00:00:00Z"), passed: true }, // after now
    ];
    expect(runsPerWeek(runs, NOW, 4)).toEqual([
      { weekStart: "2025-02-17", passed: 1, failed: 0 },
      { weekStart: "2025-02-24", passed: 0, failed: 0 },
      { weekStart: "2025-03-03", passed: 0, failed: 1 },
      { weekStart: "2025-03-10", passed: 1, failed: 1 },
    ]);
  });

  it("adds runs already counted per day with their count", () => {
    const days = [
      { createdAt: at("2025-03-11T00:00:00Z"), passed: true, count: 40 },
      { createdAt: at("2025-03-11T00:00:00Z"), passed: false, count: 3 },
      { createdAt: at("2025-03-04T00:00:00Z"), passed: false, count: 7 },
    ];
    expect(runsPerWeek(days, NOW, 2)).toEqual([
      { weekStart: "2025-03-03", passed: 0, failed: 7 },
      { weekStart: "2025-03-10", passed: 40, failed: 3 },
    ]);
  });
});
