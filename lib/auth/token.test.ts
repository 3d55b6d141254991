import { describe, expect, it } from "vitest";
import { generateToken, hashesMatch, hashToken, parseExpiry, tokenPrefix } from "@/lib/auth/token";

describe("API tokens", () => {
  it("carry a visible prefix and are stored only as a hash", () => {
    const { token, prefix, hash } = generateToken();
    expect(token).toMatch(/^cbt_[A-Za-z0-9]{8}_[A-Za-z0-9_-]{43}$/);
    expect(tokenPrefix(token)).toBe(prefix);
    expect(hash).toBe(hashToken(token));
    // The whole secret (it may itself contain "_", so not split on it: a one-letter piece of it
    // was found inside the hex hash about one run in fifty).
    const secret = token.slice(`cbt_${prefix}_`.length);
    expect(secret).toHaveLength(43);
    expect(hash).not.toContain(secret);
    expect(hashesMatch(hash, hashToken(token))).toBe(true);
    expect(hashesMatch(hash, hashToken(`${token}x`))).toBe(false);
  });

  it("are unique", () => {
    const tokens = new Set(Array.from({ length: 200 }, () => generateToken().token));
    expect(tokens.size).toBe(200);
  });

  it("refuses strings that are not tokens", () => {
    for (const text of ["", "cbt_", "Bearer x", "cbt_short_abc", `cbt_ABCDEFGH_${"a".repeat(42)}`, `xyz_ABCDEFGH_${"a".repeat(43)}`]) {
      expect(tokenPrefix(text)).toBeNull();
    }
  });

  it("parses expiries", () => {
    const now = new Date("2026-01-01T00:00:00Z");
    expect(parseExpiry("90d", now)?.toISOString()).toBe("2026-04-01T00:00:00.000Z");
    expect(parseExpiry("12h", now)?.toISOString()).toBe("2026-01-01T12:00:00.000Z");
    expect(parseExpiry("1y", now)?.toISOString()).toBe("2027-01-01T00:00:00.000Z");
    expect(parseExpiry("never", now)).toBeNull();
    for (const bad of ["0d", "90", "d", "-1d", "1.5d", "99999d", "101y", "9999y", "9999w"]) expect(parseExpiry(bad, now)).toBeUndefined();
  });
});
