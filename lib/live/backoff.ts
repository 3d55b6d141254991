// Reconnection delays, shared by the server's LISTEN connection and the browser's event stream:
// exponential from `baseMs`, capped at `maxMs`, with "equal jitter" (half fixed, half random) so
// that many clients dropped at once do not come back in the same instant.

export type BackoffOptions = { baseMs: number; maxMs: number };

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 500, maxMs: 30_000 };

/** The delay before reconnection attempt `attempt` (0 for the first); `random` returns [0, 1). */
export function backoffDelay(attempt: number, options: BackoffOptions = DEFAULT_BACKOFF, random: () => number = Math.random): number {
  const step = Number.isFinite(attempt) ? Math.max(0, Math.floor(attempt)) : 0;
  // 2 ** step overflows to Infinity for huge attempts; the cap keeps it finite.
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** Math.min(step, 30));
  const half = ceiling / 2;
  return Math.round(half + half * Math.min(Math.max(random(), 0), 1));
}
