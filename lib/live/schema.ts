import { z } from "zod";

// Wire shapes of live updates: the PostgreSQL notification the triggers send (see the
// *_live_notify migration) and the server-sent events of GET /api/v1/stream. Safe on both sides.

/** The channel every trigger notifies on. A plain identifier: it is spliced into LISTEN as is. */
export const CHANGE_CHANNEL = "certboard_changes";

export const changeSchema = z.object({
  v: z.literal(1),
  productId: z.uuid(),
  product: z.string().nullable(),
  table: z.string().min(1).max(100),
  op: z.enum(["insert", "update", "delete"]),
  key: z.string().nullable(),
});
/** One committed row change, as the trigger reports it. */
export type Change = z.infer<typeof changeSchema>;

/** What a browser receives per change: the product is the stream's own, so it is left out. */
export const streamChangeSchema = changeSchema.pick({ table: true, op: true, key: true });
export type StreamChange = z.infer<typeof streamChangeSchema>;

/** Whether the server is listening right now; while it is not, changes may be missed. */
export const streamStatusSchema = z.object({ live: z.boolean() });
export type StreamStatus = z.infer<typeof streamStatusSchema>;

export const STREAM_PATH = "/api/v1/stream";

export const streamUrl = (product: string) => `${STREAM_PATH}?product=${encodeURIComponent(product)}`;
