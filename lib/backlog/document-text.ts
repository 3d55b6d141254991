import { repairMojibake } from "./mojibake";
import { BacklogParseError } from "./parse-error";

// The raw document before any markdown is read: encoding damage repaired, and files that are not
// markdown at all (binary, JSON, HTML) turned away with a message that says what they are.

// More than 1% control characters (or any NUL) means binary, not text.
const CONTROL_CHARS = /[\u0001-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFD]/g;

export function assertLooksLikeMarkdown(text: string): void {
  if (text.trim() === "") throw new BacklogParseError("not_markdown", "The document is empty.");
  const controls = text.match(CONTROL_CHARS)?.length ?? 0;
  if (text.includes("\u0000") || controls > text.length * 0.01) {
    throw new BacklogParseError("not_markdown", "The document looks like binary data, not markdown.");
  }
  const trimmed = text.trim();
  if (/^[[{]/.test(trimmed)) {
    let json: unknown = null;
    try {
      json = JSON.parse(trimmed);
    } catch {
      // Not JSON: "[link](…)" is a perfectly good start for markdown.
    }
    if (typeof json === "object" && json !== null) {
      throw new BacklogParseError("not_markdown", "The document is JSON, not markdown.");
    }
  }
  if (/^<(?:!doctype\s+html|html|\?xml|svg)\b/i.test(trimmed)) {
    throw new BacklogParseError("not_markdown", "The document is HTML or XML, not markdown.");
  }
}

/** BOM, CRLF and Mac-Roman mojibake removed, in an order that also handles a double-encoded BOM. */
export function normaliseBacklogText(input: string): string {
  const stripped = input.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  return repairMojibake(stripped).replace(/^\uFEFF/, "");
}
