export declare const CLI_DIR: string;
export declare const CLI_ENTRY: string;
export declare const WORKERS: { entry: string; out: string }[];
export declare function buildCli(): Promise<number>;
export declare function buildWorkers(): Promise<void>;
export declare function staleReason(): string | null;
