// Types of dataset.mjs for TypeScript callers (the bench's integration test).
import type pg from "pg";
import type { BenchSizes } from "./options.mjs";
export declare const BENCH_ARCHS: string[];
export declare function generateDataset(
  client: pg.Client,
  sizes: BenchSizes,
  options?: { product?: string; log?: (line: string) => void },
): Promise<{ productId: string; product: string; components: string[]; archs: string[]; seconds: Record<string, number> }>;
