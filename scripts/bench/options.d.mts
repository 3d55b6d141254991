// Types of options.mjs for TypeScript callers (its tests).
export type BenchSizes = { components: number; archs: number; runs: number; checks: number; items: number; events: number; days: number };
export type BenchOptions = {
  sizes: BenchSizes;
  duration: number;
  warmup: number;
  ingestRuns: number;
  clients: number;
  browserLoads: number;
  quick: boolean;
  build: boolean;
  browser: boolean;
  keep: boolean;
  port: number;
  dbPort: number;
  dataDir: string;
  lock: string | null;
  json: string | null;
  chromium: string;
};
export declare const DEFAULT_SIZES: Readonly<BenchSizes>;
export declare const QUICK_SIZES: Readonly<BenchSizes>;
export declare const MAX_CHECKS: number;
export declare const MAX_ARCHS: number;
export declare function parseBenchArgs(argv: string[], env?: Record<string, string | undefined>): BenchOptions | { help: string };
export declare function datasetRows(sizes: BenchSizes): {
  products: number;
  components: number;
  imageTags: number;
  runs: number;
  checkResults: number;
  items: number;
  checkItems: number;
  itemComponents: number;
  events: number;
};
