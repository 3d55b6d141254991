import { describe, expect, it } from "vitest";
import { daysUntil, dueState } from "./due";

const today = new Date("2027-01-10T15:30:00Z");

describe("due dates in words", () => {
  it("counts whole calendar days in UTC, whatever the time of day", () => {
    expect(daysUntil("2027-01-10", today)).toBe(0);
    expect(daysUntil("2027-01-07", today)).toBe(-3);
    expect(daysUntil("2027-02-01", today)).toBe(22);
  });

  it("says how late an open item is, and never calls a closed item overdue", () => {
    expect(dueState("2027-01-09", "in_progress", today)).toEqual({ text: "1 day overdue", tone: "overdue" });
    expect(dueState("2027-01-07", "not_started", today)).toEqual({ text: "3 days overdue", tone: "overdue" });
    expect(dueState("2027-01-10", "blocked", today)).toEqual({ text: "due today", tone: "today" });
    expect(dueState("2027-01-11", "blocked", today)).toEqual({ text: "due tomorrow", tone: "soon" });
    expect(dueState("2027-01-15", "blocked", today)).toEqual({ text: "due in 5 days", tone: "soon" });
    expect(dueState("2027-02-01", "blocked", today)).toEqual({ text: "due 1 Feb 2027", tone: "later" });
    expect(dueState("2027-01-07", "done", today)).toEqual({ text: "due 7 Jan 2027", tone: "closed" });
  });
});
