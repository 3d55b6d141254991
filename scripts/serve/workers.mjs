/**
 * How many server processes `npm start` runs (CERTBOARD_WORKERS), and how the primary paces the
 * restarts of workers that die: pure functions, tested beside (workers.test.ts).
 */
import os from "node:os";

/** The most worker processes CERTBOARD_WORKERS may ask for. */
export const MAX_WORKERS = 64;
/** The default: one process per core, at most this many. */
export const DEFAULT_MAX_WORKERS = 8;

/**
 * CERTBOARD_WORKERS as a whole number from 1 to 64; unset or empty means one per core (at most 8).
 * @param {string | undefined} value
 * @param {number} [cores]
 * @returns {number}
 */
export function workerCount(value, cores = os.availableParallelism()) {
  if (value === undefined || value.trim() === "") return Math.max(1, Math.min(DEFAULT_MAX_WORKERS, cores));
  const n = Number(value.trim());
  if (!/^\d+$/.test(value.trim()) || !Number.isInteger(n) || n < 1 || n > MAX_WORKERS) {
    throw new Error(`CERTBOARD_WORKERS must be a whole number from 1 to ${MAX_WORKERS} (1 runs a single process), not ${JSON.stringify(value)}.`);
  }
  return n;
}

/** A worker that lived less than this died young: its restart waits, longer each time in a row. */
export const YOUNG_MS = 10_000;
/** A slot whose workers died this many times in a row before ever answering: the build is broken, give up. */
export const MAX_FAILED_STARTS = 5;
const FIRST_DELAY_MS = 500;
const MAX_DELAY_MS = 30_000;

/**
 * What the primary does after a worker of one slot died: restart after `delayMs`, or give up.
 * `youngDeaths` counts deaths in a row of workers that lived under YOUNG_MS; `failedStarts` those
 * that died before listening. Both reset once a worker of the slot lives long / listens.
 * @param {{ youngDeaths: number, failedStarts: number }} slot after counting this death
 * @returns {{ giveUp: true } | { giveUp: false, delayMs: number }}
 */
export function restartPlan(slot) {
  if (slot.failedStarts >= MAX_FAILED_STARTS) return { giveUp: true };
  if (slot.youngDeaths === 0) return { giveUp: false, delayMs: 0 };
  return { giveUp: false, delayMs: Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** (slot.youngDeaths - 1)) };
}
