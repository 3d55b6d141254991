export const WORKERS: { entry: string; out: string }[];
export function buildWorkers(): Promise<void>;
