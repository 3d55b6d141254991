import type { ListenerSubscriber } from "./listener";
import { changeForProduct } from "./parse-change";
import { sseComment, sseEvent, sseRetry } from "./sse";
import type { StreamStatus } from "./schema";

// The body of GET /api/v1/stream for one product: a `status` event first (and whenever the
// server's LISTEN connection goes down or comes back), a `change` event per committed change of
// that product, and a comment every `heartbeatMs`. It ends, unsubscribing and stopping its timer,
// when the request is aborted, the reader cancels, the client falls too far behind, the caller may
// no longer read (checked every `accessCheckMs`: deactivated, demoted, token revoked), or after
// `maxAgeMs` (EventSource then reconnects, which re-checks the caller's session).

export type ChangeSource = { readonly live: boolean; subscribe(subscriber: ListenerSubscriber): () => void };

export type ChangeStreamOptions = {
  source: ChangeSource;
  productId: string;
  signal: AbortSignal;
  heartbeatMs?: number;
  maxAgeMs?: number;
  retryMs?: number;
  /** Chunks a slow client may leave unread before the stream is ended (it reconnects and resyncs). */
  maxBacklog?: number;
  /** Whether the caller may still read this product; the stream ends when it says no (or fails). */
  stillAllowed?: () => Promise<boolean>;
  accessCheckMs?: number;
  /** Called once when the stream ends, however it ends. */
  onClose?: () => void;
};

export function createChangeStream(options: ChangeStreamOptions): ReadableStream<Uint8Array> {
  const { source, productId, signal, heartbeatMs = 25_000, maxAgeMs = 10 * 60_000, retryMs = 3_000, maxBacklog = 1_000, stillAllowed, accessCheckMs = 5_000, onClose } = options;
  const encoder = new TextEncoder();
  let cleanup = () => {};

  return new ReadableStream<Uint8Array>({
    start(controller) {
      let open = true;
      const send = (text: string) => {
        if (!open) return;
        if ((controller.desiredSize ?? 0) < -maxBacklog) return finish();
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          finish();
        }
      };
      const status = (live: boolean) => send(sseEvent("status", { live } satisfies StreamStatus));

      let unsubscribe = () => {};
      const heartbeat = setInterval(() => send(sseComment("ping")), heartbeatMs);
      const expiry = setTimeout(() => finish(), maxAgeMs);
      const recheck = stillAllowed
        ? setInterval(() => {
            stillAllowed().then(
              (allowed) => allowed || finish(),
              () => finish(),
            );
          }, accessCheckMs)
        : undefined;
      const finish = () => {
        if (!open) return;
        open = false;
        clearInterval(heartbeat);
        clearInterval(recheck);
        clearTimeout(expiry);
        onClose?.();
        unsubscribe();
        signal.removeEventListener("abort", finish);
        try {
          controller.close();
        } catch {
          // Already closed or errored by the reader: nothing left to do.
        }
      };
      cleanup = finish;

      if (signal.aborted) return finish();
      signal.addEventListener("abort", finish);
      send(sseRetry(retryMs));
      status(source.live);
      unsubscribe = source.subscribe((event) => {
        if (event.type === "status") return status(event.live);
        const change = changeForProduct(event.change, productId);
        if (change) send(sseEvent("change", change));
      });
    },
    cancel() {
      cleanup();
    },
  });
}
