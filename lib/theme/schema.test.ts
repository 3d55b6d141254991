import { describe, expect, it } from "vitest";
import { nextTheme, parseTheme, themeClass } from "./schema";

describe("theme", () => {
  it("reads the cookie, following the system for anything it does not know", () => {
    expect(parseTheme("dark")).toBe("dark");
    expect(parseTheme("light")).toBe("light");
    expect(parseTheme(undefined)).toBe("system");
    expect(parseTheme("DARK")).toBe("system");
    expect(parseTheme("x\" onload=\"alert(1)")).toBe("system");
  });

  it("puts a class on the html element only for an explicit choice", () => {
    expect(themeClass("system")).toBeUndefined();
    expect(themeClass("dark")).toBe("dark");
  });

  it("cycles System, Light, Dark", () => {
    expect([nextTheme("system"), nextTheme("light"), nextTheme("dark")]).toEqual(["light", "dark", "system"]);
  });
});
