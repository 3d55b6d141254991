// Types of raw.mjs for TypeScript callers (the bench's integration test).
import type { IngestPlan } from "./payload.mjs";
export type Statement = { text: string; values: unknown[] };
export declare function decodeStatements(statements: Statement[]): Statement[];
export declare function measureReplay(options: { url: string; statements: Statement[]; clients: number; duration: number; warmup: number }): Promise<{
  latency: { count: number; mean: number; p50: number; p95: number; p99: number; max: number };
  seconds: number;
  ok: number;
  statements: number;
}>;
export declare function measureRawIngest(options: {
  url: string;
  clients: number;
  amount: number;
  counter: { next: number };
  plan: IngestPlan;
  productId: string;
  componentIds: Map<string, string>;
  userId: string | null;
}): Promise<{ ok: number; seconds: number; perSecond: number }>;
