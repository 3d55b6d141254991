// Server-sent events framing (https://html.spec.whatwg.org/multipage/server-sent-events.html).

/** One event: its name and a JSON payload on a single data line (JSON.stringify never emits raw newlines). */
export function sseEvent(event: string, data: unknown): string {
  if (/[\r\n]/.test(event)) throw new Error("An event name cannot contain a line break.");
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

/** A comment line: ignored by EventSource, it keeps proxies and load balancers from closing an idle stream. */
export function sseComment(text: string): string {
  return `: ${text.replace(/[\r\n]+/g, " ")}\n\n`;
}

/** How long EventSource waits before reconnecting after the stream ends. */
export function sseRetry(ms: number): string {
  return `retry: ${Math.max(0, Math.round(ms))}\n\n`;
}
