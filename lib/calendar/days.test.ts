import { describe, expect, it } from "vitest";
import { dayStart, isoDay, isoDaySchema, startOfUtcDay } from "./days";

describe("calendar days", () => {
  it("reads and writes UTC days, whatever the time of day", () => {
    expect(isoDay(new Date("2027-01-31T23:59:59.999Z"))).toBe("2027-01-31");
    expect(isoDay(Date.UTC(2027, 1, 1))).toBe("2027-02-01");
    expect(dayStart("2027-01-31").toISOString()).toBe("2027-01-31T00:00:00.000Z");
    expect(startOfUtcDay(new Date("2027-01-31T15:30:00Z")).toISOString()).toBe("2027-01-31T00:00:00.000Z");
  });

  it("accepts real dates only", () => {
    expect(isoDaySchema.safeParse("2028-02-29").success).toBe(true);
    expect(isoDaySchema.safeParse("2027-02-29").success).toBe(false);
    expect(isoDaySchema.safeParse("31/01/2027").success).toBe(false);
  });
});
