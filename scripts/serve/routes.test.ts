import { describe, expect, it } from "vitest";
import { routeMatcher } from "./routes.mjs";

// The shape `next build` writes to .next/app-path-routes-manifest.json: entry → route template.
const manifest = {
  "/(app)/page": "/",
  "/(app)/items/page": "/items",
  "/(app)/items/[key]/page": "/items/[key]",
  "/(app)/items/new/page": "/items/new",
  "/api/health/route": "/api/health",
  "/api/v1/items/[key]/route": "/api/v1/items/[key]",
  "/api/v1/items/bulk/route": "/api/v1/items/bulk",
  "/api/v1/items/[key]/comments/[id]/route": "/api/v1/items/[key]/comments/[id]",
  "/api/auth/[...all]/route": "/api/auth/[...all]",
  "/docs/[[...slug]]/page": "/docs/[[...slug]]",
};

describe("routeMatcher", () => {
  const route = routeMatcher(manifest);

  it("labels a URL with its route template, not its values", () => {
    expect(route("/api/v1/items/P1-3")).toBe("/api/v1/items/[key]");
    expect(route("/api/v1/items/P1-3?product=x")).toBe("/api/v1/items/[key]");
    expect(route("/api/v1/items/P0-1/comments/2b9a")).toBe("/api/v1/items/[key]/comments/[id]");
    expect(route("/items/P2-7")).toBe("/items/[key]");
  });

  it("prefers a static segment to a dynamic one", () => {
    expect(route("/api/v1/items/bulk")).toBe("/api/v1/items/bulk");
    expect(route("/items/new")).toBe("/items/new");
  });

  it("matches catch-alls, optional ones also with nothing", () => {
    expect(route("/api/auth/sign-in/email")).toBe("/api/auth/[...all]");
    expect(route("/api/auth")).toBe("(other)");
    expect(route("/docs")).toBe("/docs/[[...slug]]");
    expect(route("/docs/a/b")).toBe("/docs/[[...slug]]");
  });

  it("keeps everything else to a few labels", () => {
    expect(route("/")).toBe("/");
    expect(route("/api/health")).toBe("/api/health");
    expect(route("/_next/static/chunks/abc.js")).toBe("/_next/static");
    expect(route("/_next/image?url=x")).toBe("/_next");
    expect(route("/nowhere/at/all")).toBe("(other)");
    expect(route("/items/%E0%A4%A")).toBe("(other)");
  });
});
