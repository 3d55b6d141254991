// Types of payload.mjs for TypeScript callers (the bench's integration test).
export type BenchCheck = { name: string; description: string; baseMs: number; help: string; suggestion: string; url: string };
export type IngestPlan = { components: string[]; archs: string[]; checks: number; firstBuild: number };
export declare const CONTAINER_CHECKS: ReadonlyArray<readonly [string, string, number]>;
export declare const PREFLIGHT_LIBRARY: string;
export declare function benchChecks(count: number): BenchCheck[];
export declare function resultsJson(run: {
  image: string;
  version: string;
  commit: string;
  checks: (Omit<BenchCheck, "baseMs"> & { outcome: "passed" | "failed" | "errored"; elapsedMs: number })[];
}): string;
export declare function ingestRun(
  n: number,
  plan: IngestPlan,
): { slug: string; arch: string; tag: string; image: string; body: string; checks: (BenchCheck & { outcome: "passed" | "failed"; elapsedMs: number })[] };
