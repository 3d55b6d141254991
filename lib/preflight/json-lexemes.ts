import { PreflightParseError } from "./parse-error";

// Byte-level readers for JSON strings, numbers and literals. They validate as they go so every
// problem is reported with the exact byte offset in the upload, which JSON.parse cannot give
// (its positions count UTF-16 units of one document, and some of its messages have none).

export type ScanContext = { bytes: Uint8Array; label: string; documentStart: number };

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const SIMPLE_ESCAPES = new Set([0x22, 0x5c, 0x2f, 0x62, 0x66, 0x6e, 0x72, 0x74]); // " \ / b f n r t

export function malformed(ctx: ScanContext, offset: number, detail: string): PreflightParseError {
  return new PreflightParseError("malformed_json", `${ctx.label} is not valid JSON at byte offset ${offset}: ${detail}.`, {
    offset,
  });
}

export function truncated(ctx: ScanContext): PreflightParseError {
  const end = ctx.bytes.length;
  return new PreflightParseError(
    "malformed_json",
    `${ctx.label} ends at byte offset ${end} inside the JSON document that starts at byte offset ${ctx.documentStart}: the file looks truncated.`,
    { offset: end },
  );
}

export function describeByte(byte: number): string {
  return byte >= 0x20 && byte < 0x7f ? `"${String.fromCharCode(byte)}"` : `byte 0x${byte.toString(16).padStart(2, "0")}`;
}

/** Reads the string starting at the quote at `start`; returns the offset just past its closing quote. */
export function scanString(ctx: ScanContext, start: number): number {
  const { bytes } = ctx;
  let i = start + 1;
  for (;;) {
    const byte = bytes[i];
    if (byte === undefined) throw truncated(ctx);
    if (byte === QUOTE) return i + 1;
    if (byte < 0x20) throw malformed(ctx, i, `unescaped control character ${describeByte(byte)} in a string`);
    if (byte === BACKSLASH) {
      i = scanEscape(ctx, i);
    } else if (byte >= 0x80) {
      i += utf8SequenceLength(ctx, i);
    } else {
      i += 1;
    }
  }
}

function scanEscape(ctx: ScanContext, at: number): number {
  const next = ctx.bytes[at + 1];
  if (next === undefined) throw truncated(ctx);
  if (SIMPLE_ESCAPES.has(next)) return at + 2;
  if (next !== 0x75) throw malformed(ctx, at, `invalid escape \\${String.fromCharCode(next)}`);
  const unit = unicodeEscape(ctx, at);
  // PostgreSQL text cannot hold U+0000, and a lone surrogate cannot be stored as typed: refused
  // here, with the offset, rather than by the database (real preflight output has neither).
  if (unit === 0) throw unstorable(ctx, at, "\\u0000 (NUL)");
  if (unit >= 0xdc00 && unit <= 0xdfff) throw unstorable(ctx, at, "an unpaired low surrogate escape");
  if (unit >= 0xd800 && unit <= 0xdbff) {
    const low = ctx.bytes[at + 6] === BACKSLASH && ctx.bytes[at + 7] === 0x75 ? unicodeEscape(ctx, at + 6) : null;
    if (low === null || low < 0xdc00 || low > 0xdfff) throw unstorable(ctx, at, "an unpaired high surrogate escape");
    return at + 12;
  }
  return at + 6;
}

/** The UTF-16 unit of the \uXXXX escape at `at`. */
function unicodeEscape(ctx: ScanContext, at: number): number {
  let unit = 0;
  for (let k = at + 2; k < at + 6; k += 1) {
    const hex = ctx.bytes[k];
    if (hex === undefined) throw truncated(ctx);
    if (!isHexDigit(hex)) throw malformed(ctx, at, "invalid \\u escape (four hex digits expected)");
    unit = unit * 16 + parseInt(String.fromCharCode(hex), 16);
  }
  return unit;
}

function unstorable(ctx: ScanContext, offset: number, what: string): PreflightParseError {
  return new PreflightParseError("invalid_encoding", `${ctx.label} holds ${what} at byte offset ${offset}, which cannot be stored as text.`, {
    offset,
  });
}

/** Length of the well-formed UTF-8 sequence at `at` (RFC 3629: no overlongs, no surrogates). */
function utf8SequenceLength(ctx: ScanContext, at: number): number {
  const { bytes } = ctx;
  const lead = bytes[at] ?? 0;
  const [length, low, high] =
    lead >= 0xc2 && lead <= 0xdf ? [2, 0x80, 0xbf]
    : lead === 0xe0 ? [3, 0xa0, 0xbf]
    : lead === 0xed ? [3, 0x80, 0x9f]
    : lead >= 0xe1 && lead <= 0xef ? [3, 0x80, 0xbf]
    : lead === 0xf0 ? [4, 0x90, 0xbf]
    : lead >= 0xf1 && lead <= 0xf3 ? [4, 0x80, 0xbf]
    : lead === 0xf4 ? [4, 0x80, 0x8f]
    : [0, 0, 0];
  for (let k = 1; k < length; k += 1) {
    const byte = bytes[at + k];
    if (byte === undefined) throw truncated(ctx);
    const [min, max] = k === 1 ? [low, high] : [0x80, 0xbf];
    if (byte < min || byte > max) throw invalidUtf8(ctx, at);
  }
  if (length === 0) throw invalidUtf8(ctx, at);
  return length;
}

function invalidUtf8(ctx: ScanContext, offset: number): PreflightParseError {
  return new PreflightParseError(
    "invalid_encoding",
    `${ctx.label} is not valid UTF-8 at byte offset ${offset}; preflight writes UTF-8, so the file was re-encoded or damaged.`,
    { offset },
  );
}

/** Reads a JSON number (RFC 8259 grammar) at `start`; returns the offset just past it. */
export function scanNumber(ctx: ScanContext, start: number): number {
  const { bytes } = ctx;
  let i = start;
  if (bytes[i] === 0x2d) i += 1;
  if (bytes[i] === 0x30) {
    i += 1;
  } else {
    i = digits(ctx, i, "a digit");
  }
  if (bytes[i] === 0x2e) i = digits(ctx, i + 1, "a digit after the decimal point");
  if (bytes[i] === 0x65 || bytes[i] === 0x45) {
    i += 1;
    if (bytes[i] === 0x2b || bytes[i] === 0x2d) i += 1;
    i = digits(ctx, i, "a digit in the exponent");
  }
  return i;
}

function digits(ctx: ScanContext, start: number, what: string): number {
  let i = start;
  while (isDigit(ctx.bytes[i])) i += 1;
  if (i === start) {
    const byte = ctx.bytes[i];
    if (byte === undefined) throw truncated(ctx);
    throw malformed(ctx, i, `expected ${what}, found ${describeByte(byte)}`);
  }
  return i;
}

/** Checks that `word` (true, false or null) is spelled at `start`; returns the offset past it. */
export function scanLiteral(ctx: ScanContext, start: number, word: string): number {
  for (let k = 0; k < word.length; k += 1) {
    const byte = ctx.bytes[start + k];
    if (byte === undefined) throw truncated(ctx);
    if (byte !== word.charCodeAt(k)) throw malformed(ctx, start + k, `expected the literal ${word}`);
  }
  return start + word.length;
}

function isDigit(byte: number | undefined): boolean {
  return byte !== undefined && byte >= 0x30 && byte <= 0x39;
}

function isHexDigit(byte: number): boolean {
  return isDigit(byte) || (byte >= 0x41 && byte <= 0x46) || (byte >= 0x61 && byte <= 0x66);
}
