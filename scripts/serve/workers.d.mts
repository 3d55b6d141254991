export const MAX_WORKERS: number;
export const DEFAULT_MAX_WORKERS: number;
export const YOUNG_MS: number;
export const MAX_FAILED_STARTS: number;
export function workerCount(value: string | undefined, cores?: number): number;
export function restartPlan(slot: { youngDeaths: number; failedStarts: number }): { giveUp: true } | { giveUp: false; delayMs: number };
