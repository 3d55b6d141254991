import { describe, expect, it } from "vitest";
import { generateSetupCode, setupCodesMatch } from "@/lib/auth/setup-code";

describe("setup codes", () => {
  it("are four groups of four unambiguous characters, different each time", () => {
    const codes = new Set(Array.from({ length: 50 }, generateSetupCode));
    expect(codes.size).toBe(50);
    for (const code of codes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
  });

  it("match as typed, ignoring case, spaces and dashes, and nothing else", () => {
    expect(setupCodesMatch("abcd efgh-jkmn pqrs", "ABCD-EFGH-JKMN-PQRS")).toBe(true);
    expect(setupCodesMatch("ABCD-EFGH-JKMN-PQRT", "ABCD-EFGH-JKMN-PQRS")).toBe(false);
    expect(setupCodesMatch("ABCD-EFGH-JKMN", "ABCD-EFGH-JKMN-PQRS")).toBe(false);
    expect(setupCodesMatch("", "ABCD-EFGH-JKMN-PQRS")).toBe(false);
  });
});
