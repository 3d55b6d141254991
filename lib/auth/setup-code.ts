import { randomInt, timingSafeEqual } from "node:crypto";

// The one-time code that opens first-run setup to a browser on another machine. 16 characters of
// Crockford's base32 (no I, L, O or U to misread): 80 bits, grouped in fours to type from a terminal.
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

export function generateSetupCode(): string {
  const chars = Array.from({ length: 16 }, () => ALPHABET[randomInt(ALPHABET.length)]);
  return [0, 4, 8, 12].map((at) => chars.slice(at, at + 4).join("")).join("-");
}

/** As typed: case, spaces and dashes do not matter. */
const normalized = (code: string) => code.toUpperCase().replace(/[\s-]+/g, "");

export function setupCodesMatch(typed: string, expected: string): boolean {
  const a = Buffer.from(normalized(typed));
  const b = Buffer.from(normalized(expected));
  return a.length === b.length && timingSafeEqual(a, b);
}
