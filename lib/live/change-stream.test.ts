import { afterEach, describe, expect, it, vi } from "vitest";
import { createChangeStream, type ChangeSource } from "./change-stream";
import type { ListenerEvent, ListenerSubscriber } from "./listener";
import type { Change } from "./schema";

const A = "6f1c1f8e-3a52-4d7e-9f35-0d5c5f7d2a11";
const B = "0b7f0e55-9d8c-4a42-8a3e-5b0a3d1c9e22";

/** An in-memory ChangeSource: the stream's logic without a database (the integration test has the real one). */
class FakeSource implements ChangeSource {
  live = true;
  readonly subscribers = new Set<ListenerSubscriber>();
  subscribe(subscriber: ListenerSubscriber) {
    this.subscribers.add(subscriber);
    return () => void this.subscribers.delete(subscriber);
  }
  emit(event: ListenerEvent) {
    for (const s of this.subscribers) s(event);
  }
}

const change = (productId: string, key: string): Change => ({ v: 1, productId, product: "p", table: "BacklogItem", op: "update", key });

async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  const decoder = new TextDecoder();
  let text = "";
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text;
    text += decoder.decode(value, { stream: true });
  }
}

afterEach(() => vi.useRealTimers());

describe("createChangeStream", () => {
  it("sends the status, the product's own changes and status changes, then ends and unsubscribes on abort", async () => {
    const source = new FakeSource();
    const abort = new AbortController();
    const stream = createChangeStream({ source, productId: A, signal: abort.signal, retryMs: 2_000 });
    expect(source.subscribers.size).toBe(1);
    source.emit({ type: "change", change: change(A, "P0-2") });
    source.emit({ type: "change", change: change(B, "P0-9") });
    source.emit({ type: "status", live: false });
    source.emit({ type: "status", live: true });
    abort.abort();
    expect(source.subscribers.size).toBe(0);
    expect(await readAll(stream)).toBe(
      "retry: 2000\n\n" +
        'event: status\ndata: {"live":true}\n\n' +
        'event: change\ndata: {"table":"BacklogItem","op":"update","key":"P0-2"}\n\n' +
        'event: status\ndata: {"live":false}\n\n' +
        'event: status\ndata: {"live":true}\n\n',
    );
  });

  it("says so when the server is not listening yet", async () => {
    const source = new FakeSource();
    source.live = false;
    const abort = new AbortController();
    const stream = createChangeStream({ source, productId: A, signal: abort.signal });
    abort.abort();
    expect(await readAll(stream)).toContain('event: status\ndata: {"live":false}');
  });

  it("unsubscribes when the reader cancels", async () => {
    const source = new FakeSource();
    const stream = createChangeStream({ source, productId: A, signal: new AbortController().signal });
    const reader = stream.getReader();
    await reader.read();
    await reader.cancel();
    expect(source.subscribers.size).toBe(0);
  });

  it("never subscribes for a request already aborted", async () => {
    const source = new FakeSource();
    const stream = createChangeStream({ source, productId: A, signal: AbortSignal.abort() });
    expect(source.subscribers.size).toBe(0);
    expect(await readAll(stream)).toBe("");
  });

  it("sends heartbeats and ends itself after its maximum age", async () => {
    vi.useFakeTimers();
    const source = new FakeSource();
    const stream = createChangeStream({ source, productId: A, signal: new AbortController().signal, heartbeatMs: 1_000, maxAgeMs: 3_500 });
    vi.advanceTimersByTime(3_500);
    expect(source.subscribers.size).toBe(0);
    const text = await readAll(stream);
    expect(text.match(/^: ping$/gm)).toHaveLength(3);
  });

  it("ends the stream of a client that stopped reading instead of queueing forever", async () => {
    const source = new FakeSource();
    const stream = createChangeStream({ source, productId: A, signal: new AbortController().signal, maxBacklog: 5 });
    for (let i = 0; i < 20; i++) source.emit({ type: "change", change: change(A, `K-${i}`) });
    expect(source.subscribers.size).toBe(0);
    const text = await readAll(stream);
    expect(text.match(/^event: change$/gm)?.length).toBeLessThan(10);
  });
});
