// Types of keep-alive.mjs for TypeScript callers (Playwright's config, the system tier).
export declare function keepAliveArgs(env?: NodeJS.ProcessEnv): string[];
