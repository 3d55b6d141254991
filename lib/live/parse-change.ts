import { changeSchema, type Change, type StreamChange } from "./schema";

/** A notification payload as a Change, or null for anything else (never throws: it runs per notification). */
export function parseChange(payload: string | undefined): Change | null {
  if (!payload) return null;
  let value: unknown;
  try {
    value = JSON.parse(payload);
  } catch {
    return null;
  }
  const parsed = changeSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** The part of a change a product's stream sends, or null when the change belongs to another product. */
export function changeForProduct(change: Change, productId: string): StreamChange | null {
  if (change.productId !== productId) return null;
  return { table: change.table, op: change.op, key: change.key };
}
