import type { Backoff, Limit } from "@/lib/rate-limit/mutations";

// Rate limits at the doors people and pipelines authenticate through.
export const LIMITS = {
  /** Sign-in attempts per client address. */
  signInPerClient: { limit: 30, windowSeconds: 60 },
  /** Failed bearer-token uses per client address. */
  tokenFailuresPerClient: { limit: 20, windowSeconds: 60 },
  /** First-run setup attempts per client address. */
  setupPerClient: { limit: 10, windowSeconds: 60 },
} satisfies Record<string, Limit>;

/**
 * Failed sign-ins per account, from any address: five free, then 1 s, 2 s, 4 s … at most 5 minutes
 * before the next attempt: guessing slows to a crawl while the owner waits seconds, not a lockout.
 */
export const SIGN_IN_BACKOFF: Backoff = { freeFailures: 5, baseSeconds: 1, maxSeconds: 300, forgetSeconds: 3_600 };
