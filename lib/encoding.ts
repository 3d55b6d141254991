import { AppError } from "@/lib/errors";

/** Chunks of bytes (a streamed body, an inflater's output) as one fresh array. */
export function concatBytes(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((total, chunk) => total + chunk.byteLength, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

/** Strict UTF-8 decoding: invalid byte sequences are refused, never replaced. */
export function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new AppError("invalid_encoding", "The text is not valid UTF-8.");
  }
}

// PostgreSQL text and jsonb cannot hold U+0000, and an unpaired UTF-16 surrogate (which JSON's
// "\ud800" escape can produce) is either refused by jsonb or silently replaced in text: neither
// can be stored as typed, so such input is refused at the door instead of failing in the database.
const UNSTORABLE = /[\u0000\p{Cs}]/u;

/** Whether a string can be stored in PostgreSQL exactly as given. */
export function isStorableText(text: string): boolean {
  return !UNSTORABLE.test(text);
}

type Visit = { value: unknown; key: string; parent: Visit | null };

function pathOf(visit: Visit): string {
  const keys: string[] = [];
  for (let at: Visit | null = visit; at?.parent; at = at.parent) keys.push(at.key);
  const path = keys.reverse().join(".");
  return path.length > 200 ? `…${path.slice(-200)}` : path || "(the value)";
}

/**
 * The path ("title", "actions.0.text") of the first string in `value`, key or value, that cannot be
 * stored, or null. Iterative, with paths built only on a hit: a hostile body may nest far deeper
 * than the stack allows.
 */
export function findUnstorableText(value: unknown): string | null {
  const stack: Visit[] = [{ value, key: "", parent: null }];
  while (stack.length > 0) {
    const visit = stack.pop()!;
    if (typeof visit.value === "string") {
      if (!isStorableText(visit.value)) return pathOf(visit);
      continue;
    }
    if (typeof visit.value !== "object" || visit.value === null) continue;
    for (const [key, child] of Object.entries(visit.value)) {
      const next = { value: child, key, parent: visit };
      if (!isStorableText(key)) return `${pathOf(next)} (a key)`;
      stack.push(next);
    }
  }
  return null;
}

/** Refuses (400 invalid_encoding) input holding a NUL character or an unpaired surrogate anywhere. */
export function assertStorableText(value: unknown, what: string): void {
  const path = findUnstorableText(value);
  if (path !== null) {
    throw new AppError(
      "invalid_encoding",
      `${what}: ${path} holds a NUL character (\\u0000) or an unpaired surrogate (\\ud800–\\udfff), which cannot be stored as text.`,
    );
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a string is a UUID (record ids): anything else cannot name a row, so it is not looked up. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
