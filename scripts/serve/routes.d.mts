export function routeMatcher(manifest: Record<string, string>): (url: string) => string;
