import { describe, expect, it } from "vitest";
import { eventQuerySchema, overviewQuerySchema, reportQuerySchema } from "./schema";

describe("eventQuerySchema", () => {
  it("reads since as a date or a zoned date-time, kinds as a comma list, and defaults the page size", () => {
    expect(eventQuerySchema.parse({})).toEqual({ limit: 100 });
    expect(eventQuerySchema.parse({ since: "2025-01-31" }).since).toEqual(new Date("2025-01-31T00:00:00Z"));
    expect(eventQuerySchema.parse({ since: "2025-01-31T09:00:00+02:00" }).since).toEqual(new Date("2025-01-31T07:00:00Z"));
    expect(eventQuerySchema.parse({ kind: "failure,regression", limit: "500", since: "" })).toEqual({ kind: ["failure", "regression"], limit: 500 });
  });

  it("refuses what is not a date on the calendar, a local time without a zone, unknown kinds and oversized pages", () => {
    for (const since of ["yesterday", "2025-02-30", "2025-13-01", "2025-01-31T09:00", "31/01/2025"]) {
      const result = eventQuerySchema.safeParse({ since });
      expect(result.success, since).toBe(false);
      expect(result.error?.issues[0]?.message).toMatch(/^must be an ISO 8601 date/);
    }
    expect(eventQuerySchema.safeParse({ kind: "gossip" }).success).toBe(false);
    expect(eventQuerySchema.safeParse({ limit: "501" }).success).toBe(false);
    expect(eventQuerySchema.safeParse({ limit: "0" }).success).toBe(false);
  });
});

describe("the overview and report queries", () => {
  it("treat empty filters as absent and know one report format", () => {
    expect(overviewQuerySchema.parse({ product: "acme", component: "", kind: "" })).toEqual({ product: "acme" });
    expect(overviewQuerySchema.safeParse({ kind: "nope" }).success).toBe(false);
    expect(reportQuerySchema.parse({})).toEqual({ format: "md" });
    expect(reportQuerySchema.safeParse({ format: "pdf" }).error?.issues[0]?.message).toBe('the only report format is "md" (markdown)');
  });
});
