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

  // Security review, issue 12: the raw value was checked for "//", the normalised path was returned.
  it.each([
    "/.//evil.example",
    "/./\\evil.example",
    "/a/..//evil.example",
    "/a/../\\evil.example",
    "/%2e//evil.example",
    "/%2E%2E//evil.example",
    "/.%2e//evil.example",
    "/a/%2e%2e//evil.example",
    "/././/evil.example/path?x=1",
    "/.\\/evil.example",
    "/..//evil.example",
    "/%2e/%2e//evil.example",
  ])("never leads to another origin once %s is normalised", (value) => {
    const next = safeNextPath(value);
    expect(next).toBe("/");
    // Whatever it returns, a browser resolves it on this site.
    expect(new URL(next, "https://certboard.example").origin).toBe("https://certboard.example");
  });

  it("keeps paths whose dot segments stay on the site", () => {
    expect(safeNextPath("/items/../runs?x=1")).toBe("/runs?x=1");
    expect(safeNextPath("/./items")).toBe("/items");
    expect(safeNextPath("/items/%2e%2e/components")).toBe("/components");
  });

  it("rebuilds the current page's path from its search params", () => {
    expect(pagePath("/items", { status: "done", q: "a b", component: ["x", "y"] })).toBe("/items?status=done&q=a+b&component=x&component=y");
    expect(pagePath("/", {})).toBe("/");
  });
});
