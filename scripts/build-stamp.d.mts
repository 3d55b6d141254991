// Types of build-stamp.mjs for TypeScript callers (next.config.ts, tests).
export declare function sourceHash(root?: string): string;
export declare function rebuildReason(root?: string): string | null;
