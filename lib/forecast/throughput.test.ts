import { describe, expect, it } from "vitest";
import { isClosure, throughputWindow, weeklyClosed, weeksFromNet, type StatusEvent } from "./throughput";

const START = new Date("2026-11-02T09:00:00Z");
const DAY = 86_400_000;
const after = (days: number) => new Date(START.getTime() + days * DAY);
const status = (days: number, oldValue: string, newValue: string): StatusEvent => ({ at: after(days), field: "status", oldValue, newValue });

describe("throughputWindow", () => {
  it("counts only whole weeks since the history began, the running week left out", () => {
    expect(throughputWindow(null, after(30))).toBeNull();
    expect(throughputWindow(START, after(6.9))).toBeNull();
    expect(throughputWindow(START, after(7))).toEqual({ from: START, to: after(7), weeks: 1 });
    expect(throughputWindow(START, after(24))).toEqual({ from: START, to: after(21), weeks: 3 });
  });

  it("keeps the newest 12 weeks of a longer history", () => {
    expect(throughputWindow(START, after(20 * 7 + 3))).toEqual({ from: after(8 * 7), to: after(20 * 7), weeks: 12 });
    expect(throughputWindow(START, after(20 * 7 + 3), 4)).toEqual({ from: after(16 * 7), to: after(20 * 7), weeks: 4 });
  });
});

describe("isClosure", () => {
  it.each([
    ["in_progress", "done", true],
    ["not_started", "wont_do", true],
    ["blocked", "done", true],
    ["done", "wont_do", false],
    ["done", "in_progress", false],
    ["not_started", "in_progress", false],
  ])("%s → %s is a closure: %s", (from, to, expected) => {
    expect(isClosure(status(1, from, to))).toBe(expected);
  });

  it("only status changes close items", () => {
    expect(isClosure({ at: START, field: "category", oldValue: "blocked", newValue: "done" })).toBe(false);
  });
});

describe("weeklyClosed", () => {
  it("puts each closure in its week, oldest week first, and nothing from the running week", () => {
    const window = throughputWindow(START, after(23));
    const events = [
      status(0.1, "not_started", "done"),
      status(6.99, "in_progress", "wont_do"),
      status(7, "in_progress", "done"),
      status(8, "done", "wont_do"), // already closed: not counted again
      status(9, "done", "in_progress"), // a reopening takes one closure of its week back
      status(15, "blocked", "done"),
      status(16, "in_progress", "done"),
      status(21.5, "in_progress", "done"), // the week still running
    ];
    expect(weeklyClosed(events, window)).toEqual([2, 0, 2]);
  });

  it("counts a card dropped on Done by mistake and dragged back as nothing, and never a week below zero", () => {
    const window = throughputWindow(START, after(14));
    const events = [
      status(1, "in_progress", "done"),
      status(1.01, "done", "in_progress"),
      status(8, "done", "not_started"), // a regression reopens an item closed before the window
    ];
    expect(weeklyClosed(events, window)).toEqual([0, 0]);
  });

  it("is empty without a whole week, and zero for weeks without closures", () => {
    expect(weeklyClosed([status(1, "in_progress", "done")], throughputWindow(START, after(5)))).toEqual([]);
    expect(weeklyClosed([], throughputWindow(START, after(14)))).toEqual([0, 0]);
  });
});

describe("weeksFromNet", () => {
  it("places net closures counted per week in the window, oldest first, none below zero, others ignored", () => {
    const window = throughputWindow(START, after(21));
    expect(weeksFromNet([{ week: 0, net: 3 }, { week: 2, net: -1 }, { week: 3, net: 5 }, { week: -1, net: 4 }], window)).toEqual([3, 0, 0]);
    expect(weeksFromNet([{ week: 1, net: 2 }], null)).toEqual([]);
  });
});
