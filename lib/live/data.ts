import "server-only";
import { getEnv } from "@/lib/env";
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

/** The event stream of one product's changes (404 for an unknown product, before any streaming). */
export async function openProductChangeStream(productSlug: string | undefined, signal: AbortSignal) {
  const product = await getProduct(productSlug);
  return { product, stream: createChangeStream({ source: getChangeListener(), productId: product.id, signal }) };
}
