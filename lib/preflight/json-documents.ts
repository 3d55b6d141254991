import { splitJsonDocuments, type DocumentSpan, type ScanOptions } from "./json-scan";
import { PreflightParseError } from "./parse-error";

// Decodes the documents the scanner validated. Decoding is strict: the scanner already checked
// the UTF-8, so a failure here would be our bug, and withTypedErrors reports it as internal.

export type JsonDocument = DocumentSpan & { value: unknown };

export function readJsonDocuments(bytes: Uint8Array, options: ScanOptions): JsonDocument[] {
  const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
  return splitJsonDocuments(bytes, options).map((span) => {
    const text = decoder.decode(bytes.subarray(span.start, span.end));
    return { ...span, value: JSON.parse(text) as unknown };
  });
}

/** Refuses input above `max` bytes before any scanning happens. */
export function assertSize(bytes: Uint8Array, max: number, label: string, fileName?: string): void {
  if (bytes.length > max) {
    throw new PreflightParseError(
      "too_large",
      `${label} is ${bytes.length} bytes; the limit is ${max} bytes.`,
      fileName === undefined ? {} : { fileName },
    );
  }
}
