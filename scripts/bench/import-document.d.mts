export function largeBacklog(size: { bytes: number; items: number }): { text: string; items: number; bytes: number };
