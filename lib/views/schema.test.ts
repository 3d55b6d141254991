import { describe, expect, it } from "vitest";
import { createViewSchema, normalizeViewQuery, viewHref, VIEW_PARAMS } from "@/lib/views/schema";

describe("normalizeViewQuery", () => {
  it("keeps the list's filters in one order, as the list reads them, without defaults, product or paging", () => {
    expect(normalizeViewQuery("?sort=key&q=%20label%20&status=blocked&product=p&limit=50&offset=100&category=critical_blocker&dir=asc&phase=")).toEqual({
      ok: true,
      query: "category=critical_blocker&status=blocked&q=label",
    });
    // Two spellings of the same filters are one stored query.
    expect(normalizeViewQuery("status=blocked&category=critical_blocker")).toEqual(normalizeViewQuery("category=critical_blocker&status=blocked&sort=key"));
    expect(normalizeViewQuery("sort=priority&dir=desc")).toEqual({ ok: true, query: "sort=priority&dir=desc" });
    expect(normalizeViewQuery("")).toEqual({ ok: true, query: "" });
  });

  it("names each bad, unknown or repeated parameter", () => {
    const result = normalizeViewQuery("status=bogus&colour=red&priority=P1&priority=P2");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((issue) => issue.param).sort()).toEqual(["colour", "priority", "status"]);
    expect(result.issues.find((issue) => issue.param === "colour")?.message).toContain("not a filter of the item list");
  });

  it("follows the item list's schema: every list filter is a view parameter", () => {
    expect(VIEW_PARAMS).toEqual(expect.arrayContaining(["category", "status", "priority", "phase", "component", "q", "sort", "dir"]));
    expect(VIEW_PARAMS).not.toContain("product");
    expect(VIEW_PARAMS).not.toContain("offset");
  });
});

describe("createViewSchema", () => {
  it("trims the name, stores the normalized query and refuses unknown fields", () => {
    expect(createViewSchema.parse({ name: "  Blocked  ", query: "status=blocked&sort=key" })).toEqual({ name: "Blocked", query: "status=blocked", shared: false });
    expect(createViewSchema.safeParse({ name: "x".repeat(81), query: "" }).success).toBe(false);
    expect(createViewSchema.safeParse({ name: "   ", query: "" }).success).toBe(false);
    expect(createViewSchema.safeParse({ name: "A", query: "", owner: "someone" }).success).toBe(false);
  });

  it("puts a bad query parameter in the error path", () => {
    const result = createViewSchema.safeParse({ name: "A", query: "priority=P9" });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join("."))).toEqual(["query.priority"]);
  });
});

describe("viewHref", () => {
  it("opens the item list with the view's query and the product", () => {
    expect(viewHref("status=blocked", "acme one")).toBe("/items?status=blocked&product=acme%20one");
    expect(viewHref("", "acme")).toBe("/items?product=acme");
  });
});
