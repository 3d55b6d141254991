// Types of keep-alive.mjs for TypeScript callers (Playwright's config, the system tier).
export declare const DEFAULT_KEEP_ALIVE_MS: number;
export declare function keepAliveArgs(env?: NodeJS.ProcessEnv): string[];
