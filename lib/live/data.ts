import "server-only";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { getProduct } from "@/lib/products/data";
import { createChangeStream } from "./change-stream";
import { ChangeListener } from "./listener";

// The process's one change listener (Next dev reloads modules, so it lives on globalThis, as the
// Prisma client does). It connects lazily, with the first open stream.
const globalForLive = globalThis as unknown as { certboardChangeListener?: ChangeListener };

export function getChangeListener(): ChangeListener {
  globalForLive.certboardChangeListener ??= new ChangeListener({
    connectionString: getEnv().DATABASE_URL,
    log: (message) => console.warn(`[certboard] ${message}`),
  });
  return globalForLive.certboardChangeListener;
}

/** For tests and shutdown: closes the listener's connection; the next stream opens a new one. */
export async function closeChangeListener(): Promise<void> {
  const listener = globalForLive.certboardChangeListener;
  globalForLive.certboardChangeListener = undefined;
  await listener?.close();
}

/** Open event streams one person (or one ownerless token) may hold in one server process: tabs, not a flood. */
export const MAX_STREAMS_PER_PERSON = 8;
const globalForStreams = globalThis as unknown as { certboardStreamsByPerson?: Map<string, number> };
const streamsByPerson = () => (globalForStreams.certboardStreamsByPerson ??= new Map());

/** Counts a stream against `person`, or refuses it (429) when they already hold the maximum; returns its release. */
function claimStreamSlot(person: string): () => void {
  const open = streamsByPerson();
  const held = open.get(person) ?? 0;
  if (held >= MAX_STREAMS_PER_PERSON) {
    throw new AppError("rate_limited", `You already have ${held} live streams open (at most ${MAX_STREAMS_PER_PERSON}); close a tab and try again.`, { retryAfterSeconds: 10 });
  }
  open.set(person, held + 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const left = (open.get(person) ?? 1) - 1;
    if (left > 0) open.set(person, left);
    else open.delete(person);
  };
}

/**
 * The event stream of one product's changes for `person` (404 for an unknown product, 429 over the
 * per-person cap, both before any streaming). It ends once `stillAllowed` says the caller may no longer read.
 */
export async function openProductChangeStream(input: { productSlug: string | undefined; person: string; signal: AbortSignal; stillAllowed: () => Promise<boolean> }) {
  const product = await getProduct(input.productSlug);
  const release = claimStreamSlot(input.person);
  const stream = createChangeStream({ source: getChangeListener(), productId: product.id, signal: input.signal, stillAllowed: input.stillAllowed, onClose: release });
  return { product, stream };
}
