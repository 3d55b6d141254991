import { describe, expect, it } from "vitest";
import { daysAgoText, formatAge } from "./relative-time";

const NOW = new Date("2025-03-10T12:00:00Z");
const ago = (ms: number) => new Date(NOW.getTime() - ms);
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

describe("formatAge", () => {
  it("reads like a person would say it", () => {
    expect(formatAge(ago(10_000), NOW)).toBe("just now");
    expect(formatAge(ago(-5 * MIN), NOW)).toBe("just now");
    expect(formatAge(ago(50_000), NOW)).toBe("1 minute ago");
    expect(formatAge(ago(5 * MIN), NOW)).toBe("5 minutes ago");
    expect(formatAge(ago(59 * MIN), NOW)).toBe("59 minutes ago");
    expect(formatAge(ago(3 * HOUR), NOW)).toBe("3 hours ago");
    expect(formatAge(ago(DAY), NOW)).toBe("yesterday");
    expect(formatAge(ago(4 * DAY), NOW)).toBe("4 days ago");
    expect(formatAge(ago(7 * DAY), NOW)).toBe("last week");
    expect(formatAge(ago(20 * DAY), NOW)).toBe("3 weeks ago");
    expect(formatAge(ago(60 * DAY), NOW)).toBe("2 months ago");
    expect(formatAge(ago(800 * DAY), NOW)).toBe("2 years ago");
    expect(formatAge("2025-03-10T09:00:00Z", NOW)).toBe("3 hours ago");
  });
});

describe("daysAgoText", () => {
  it("says whole days in words", () => {
    expect(daysAgoText(0)).toBe("today");
    expect(daysAgoText(1)).toBe("yesterday");
    expect(daysAgoText(12)).toBe("12 days ago");
  });
});
