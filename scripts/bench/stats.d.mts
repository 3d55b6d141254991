// Types of stats.mjs for TypeScript callers (its tests).
export declare function percentileOfSorted(sorted: readonly number[], p: number): number;
export declare function summarize(samples: readonly number[]): { count: number; mean: number; p50: number; p95: number; p99: number; max: number };
export declare function median(values: readonly number[]): number;
export declare function round(x: number): number;
