import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

// API tokens look like `cbt_<prefix>_<secret>`. The prefix is stored and shown so people can tell
// tokens apart; only a SHA-256 hash of the whole token is stored (the secret has 256 bits of
// entropy, so a slow password hash would add nothing but latency to every CI request).
const SCHEME = "cbt";
const TOKEN_PATTERN = /^cbt_([A-Za-z0-9]{8})_([A-Za-z0-9_-]{43})$/;

export type NewToken = { token: string; prefix: string; hash: string };

export function generateToken(): NewToken {
  const prefix = randomBytes(6).toString("base64url").replace(/[-_]/g, "x").slice(0, 8);
  const secret = randomBytes(32).toString("base64url");
  const token = `${SCHEME}_${prefix}_${secret}`;
  return { token, prefix, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** The prefix of a well-formed token, or null for anything that is not one of ours. */
export function tokenPrefix(token: string): string | null {
  return TOKEN_PATTERN.exec(token)?.[1] ?? null;
}

export function hashesMatch(a: string, b: string): boolean {
  const left = Buffer.from(a, "hex");
  const right = Buffer.from(b, "hex");
  return left.length === right.length && timingSafeEqual(left, right);
}

const DURATION = /^(\d{1,4})([hdwy])$/;
const UNIT_HOURS = { h: 1, d: 24, w: 24 * 7, y: 24 * 365 } as const;
/** Longer than any real token should live ("never" exists for that); "9999y" would not even be a storable date. */
const MAX_HOURS = 100 * 24 * 365;

/** "90d", "12h", "4w", "1y" → an expiry date; "never" → null; anything else → undefined. */
export function parseExpiry(text: string, now = new Date()): Date | null | undefined {
  if (text === "never") return null;
  const match = DURATION.exec(text.trim());
  if (!match) return undefined;
  const amount = Number(match[1]);
  if (amount === 0) return undefined;
  const hours = amount * UNIT_HOURS[match[2] as keyof typeof UNIT_HOURS];
  if (hours > MAX_HOURS) return undefined;
  return new Date(now.getTime() + hours * 3_600_000);
}
