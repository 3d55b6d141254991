import type { Limit } from "@/lib/rate-limit/mutations";

// Rate limits at the doors people and pipelines authenticate through.
export const LIMITS = {
  /** Sign-in attempts per client address. */
  signInPerClient: { limit: 30, windowSeconds: 60 },
  /** Failed sign-ins per account: stops password guessing from many addresses. */
  signInFailuresPerAccount: { limit: 10, windowSeconds: 15 * 60 },
  /** Failed bearer-token uses per client address. */
  tokenFailuresPerClient: { limit: 20, windowSeconds: 60 },
  /** First-run setup attempts per client address. */
  setupPerClient: { limit: 10, windowSeconds: 60 },
} satisfies Record<string, Limit>;
