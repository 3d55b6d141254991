import { describe, expect, it } from "vitest";

import { formatEffortText, formatHours, parseEffort, sumEffort } from "./effort";
import { itemPatchSchema } from "./schema";

describe("parseEffort", () => {
  it.each([
    ["2-3 weeks", 80, 120],
    ["2–3 weeks", 80, 120],
    ["2 - 3 weeks", 80, 120],
    ["30 minutes", 0.5, 0.5],
    ["30m", 0.5, 0.5],
    ["2h", 2, 2],
    ["1-2 days", 8, 16],
    ["15 minutes", 0.25, 0.25],
    ["1-2 hours", 1, 2],
    ["1.5 hours", 1.5, 1.5],
    ["1-2 days", 8, 16],
    ["1 week", 40, 40],
    ["1 day effort", 8, 8],
    ["2-3 weeks (due to container prerequisites)", 80, 120],
    ["2h", 2, 2],
    ["~4 hours", 4, 4],
    ["3-2 days", 16, 24],
    ["20 minutes", 0.3333, 0.3333],
  ])("%s → %d..%d h", (text, min, max) => {
    expect(parseEffort(text)).toEqual({ min, max });
  });

  it.each([["-"], [""], ["   "], ["TBD"], ["3 items"], ["weeks"], ["included in Phase 1"]])("%j → null", (text) => {
    expect(parseEffort(text)).toBeNull();
  });

  it("returns null for null", () => {
    expect(parseEffort(null)).toBeNull();
  });
});

describe("formatHours", () => {
  it("shows a single value or an en-dash range", () => {
    expect(formatHours(0.5, 0.5)).toBe("0.5 h");
    expect(formatHours(80, 120)).toBe("80–120 h");
    expect(formatHours(0.3333, 1)).toBe("0.33–1 h");
  });
});

describe("formatEffortText", () => {
  it.each([
    [0.5, 0.5, "30 minutes"],
    [0.25, 0.75, "15-45 minutes"],
    [80, 120, "2-3 weeks"],
    [40, 40, "1 week"],
    [8, 16, "1-2 days"],
    [1, 1, "1 hour"],
    [1, 2, "1-2 hours"],
    [81.5, 122.5, "81.5-122.5 hours"],
  ])("%d..%d h → %s, which parses back", (min, max, text) => {
    expect(formatEffortText(min, max)).toBe(text);
    expect(parseEffort(text)).toEqual({ min, max });
  });
});

describe("sumEffort", () => {
  it("adds ranges end by end", () => {
    expect(sumEffort([{ min: 80, max: 120 }, { min: 0.5, max: 0.5 }, { min: 1, max: 2 }])).toEqual({ min: 81.5, max: 122.5 });
  });

  it("is null without ranges", () => {
    expect(sumEffort([])).toBeNull();
  });
});

describe("itemPatchSchema's effortText", () => {
  it.each([["30m"], ["2h"], ["1-2 days"], ["2-3 weeks"], [""], [null]])("accepts %j", (effortText) => {
    expect(itemPatchSchema.safeParse({ version: 1, effortText }).success).toBe(true);
  });

  it.each([["soonish"], ["TBD"], ["-"], ["3 items"]])("refuses %j, naming the accepted forms", (effortText) => {
    const result = itemPatchSchema.safeParse({ version: 1, effortText });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/^Effort must be a number and a unit \("30m", "2h"/);
  });
});
