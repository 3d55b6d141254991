import { describe, expect, it } from "vitest";
import { isTimeZone } from "@/lib/products/schema";
import { dueDigestWeek } from "./week";

describe("dueDigestWeek", () => {
  it("is due on Monday from 08:00 in the product's timezone, not before and not on Tuesday", () => {
    // Monday 7 December 2026.
    expect(dueDigestWeek(new Date("2026-12-07T07:59:00Z"), "UTC")).toBeNull();
    expect(dueDigestWeek(new Date("2026-12-07T08:00:00Z"), "UTC")).toBe("2026-12-07");
    expect(dueDigestWeek(new Date("2026-12-07T23:59:00Z"), "UTC")).toBe("2026-12-07");
    expect(dueDigestWeek(new Date("2026-12-08T08:00:00Z"), "UTC")).toBeNull();
  });

  it("reads the hour and the weekday in the product's timezone", () => {
    // 07:00 UTC is 08:00 in Berlin (winter), 02:00 in New York, and Sunday 23:00 in Los Angeles.
    expect(dueDigestWeek(new Date("2026-12-07T07:00:00Z"), "Europe/Berlin")).toBe("2026-12-07");
    expect(dueDigestWeek(new Date("2026-12-07T07:00:00Z"), "America/New_York")).toBeNull();
    expect(dueDigestWeek(new Date("2026-12-07T13:00:00Z"), "America/New_York")).toBe("2026-12-07");
    // Monday 08:00 in Auckland is still Sunday in UTC.
    expect(dueDigestWeek(new Date("2026-12-06T19:30:00Z"), "Pacific/Auckland")).toBe("2026-12-07");
  });

  it("treats an unknown timezone as UTC", () => {
    expect(isTimeZone("Europe/Berlin")).toBe(true);
    expect(isTimeZone("Mars/Olympus")).toBe(false);
    expect(dueDigestWeek(new Date("2026-12-07T08:00:00Z"), "Mars/Olympus")).toBe("2026-12-07");
  });
});
