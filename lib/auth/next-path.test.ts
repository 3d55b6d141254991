import { describe, expect, it } from "vitest";
import { pagePath, safeNextPath } from "@/lib/auth/next-path";

describe("where sign-in leads afterwards", () => {
  it("follows paths on this site, with their query", () => {
    expect(safeNextPath("/items?status=done")).toBe("/items?status=done");
    expect(safeNextPath("/items/P0-2?product=demo#history")).toBe("/items/P0-2?product=demo#history");
  });

  it("never leaves the site or loops back to sign-in", () => {
    for (const value of ["//evil.example", "/\\evil.example", "https://evil.example/", "evil", "/\t/evil.example", "/sign-in?next=/", "/setup", undefined, 42, "/" + "a".repeat(2001)]) {
      expect(safeNextPath(value)).toBe("/");
    }
  });

  it("rebuilds the current page's path from its search params", () => {
    expect(pagePath("/items", { status: "done", q: "a b", component: ["x", "y"] })).toBe("/items?status=done&q=a+b&component=x&component=y");
    expect(pagePath("/", {})).toBe("/");
  });
});
