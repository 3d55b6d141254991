import { describeByte, malformed, scanLiteral, scanNumber, scanString, truncated, type ScanContext } from "./json-lexemes";
import { PreflightParseError } from "./parse-error";

// Splits bytes holding one or more JSON documents back to back (the stdout of a multi-arch
// preflight run) and validates each one. It is a small iterative state machine over bytes, so
// strings and escapes are respected, nesting is capped before anything recursive runs, and every
// error names a byte offset. JSON.parse then only decodes documents already known to be valid.

export type DocumentSpan = { start: number; end: number };
export type ScanOptions = { label: string; maxDocuments: number; maxDepth: number };

const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const QUOTE = 0x22;
const COLON = 0x3a;
const COMMA = 0x2c;
const BOM = [0xef, 0xbb, 0xbf] as const;

type Expect = "value" | "valueOrClose" | "key" | "keyOrClose" | "colon" | "commaOrClose";

/** Byte ranges of the documents; an empty list means the input held only whitespace (or a BOM). */
export function splitJsonDocuments(bytes: Uint8Array, options: ScanOptions): DocumentSpan[] {
  const spans: DocumentSpan[] = [];
  let i = skipTopLevelGap(bytes, 0);
  while (i < bytes.length) {
    const byte = bytes[i] ?? 0;
    const ctx: ScanContext = { bytes, label: options.label, documentStart: i };
    if (byte !== OPEN_OBJECT && byte !== OPEN_ARRAY) {
      throw malformed(ctx, i, `expected "{" to start a JSON document, found ${describeByte(byte)}`);
    }
    if (spans.length === options.maxDocuments) {
      throw new PreflightParseError(
        "too_many_documents",
        `${options.label} holds more than ${options.maxDocuments} JSON documents (a preflight run writes one per architecture).`,
        { offset: i },
      );
    }
    const end = scanDocument(ctx, options.maxDepth);
    spans.push({ start: i, end });
    i = skipTopLevelGap(bytes, end);
  }
  return spans;
}

function scanDocument(ctx: ScanContext, maxDepth: number): number {
  const { bytes } = ctx;
  // true = object, false = array.
  const stack: boolean[] = [];
  let expect: Expect = "value";
  let i = ctx.documentStart;
  for (;;) {
    i = skipWhitespace(bytes, i);
    const byte = bytes[i];
    if (byte === undefined) throw truncated(ctx);
    const inObject = stack[stack.length - 1] === true;
    const closer = inObject ? CLOSE_OBJECT : CLOSE_ARRAY;

    if ((expect === "valueOrClose" || expect === "keyOrClose" || expect === "commaOrClose") && byte === closer) {
      stack.pop();
      i += 1;
      if (stack.length === 0) return i;
      expect = "commaOrClose";
    } else if (expect === "value" || expect === "valueOrClose") {
      if (byte === OPEN_OBJECT || byte === OPEN_ARRAY) {
        if (stack.length >= maxDepth) {
          throw new PreflightParseError(
            "too_deep",
            `${ctx.label} nests deeper than ${maxDepth} levels at byte offset ${i}; preflight output is never that deep.`,
            { offset: i },
          );
        }
        stack.push(byte === OPEN_OBJECT);
        expect = byte === OPEN_OBJECT ? "keyOrClose" : "valueOrClose";
        i += 1;
      } else {
        i = scanScalar(ctx, i, byte);
        expect = "commaOrClose";
      }
    } else if (expect === "key" || expect === "keyOrClose") {
      if (byte !== QUOTE) throw malformed(ctx, i, `expected a double-quoted property name, found ${describeByte(byte)}`);
      i = scanString(ctx, i);
      expect = "colon";
    } else if (expect === "colon") {
      if (byte !== COLON) throw malformed(ctx, i, `expected ":" after a property name, found ${describeByte(byte)}`);
      i += 1;
      expect = "value";
    } else {
      if (byte !== COMMA) {
        const wanted = inObject ? '"," or "}" after a property value' : '"," or "]" after an array element';
        throw malformed(ctx, i, `expected ${wanted}, found ${describeByte(byte)}`);
      }
      i += 1;
      expect = inObject ? "key" : "value";
    }
  }
}

function scanScalar(ctx: ScanContext, i: number, byte: number): number {
  if (byte === QUOTE) return scanString(ctx, i);
  if (byte === 0x74) return scanLiteral(ctx, i, "true");
  if (byte === 0x66) return scanLiteral(ctx, i, "false");
  if (byte === 0x6e) return scanLiteral(ctx, i, "null");
  if (byte === 0x2d || (byte >= 0x30 && byte <= 0x39)) return scanNumber(ctx, i);
  throw malformed(ctx, i, `expected a value, found ${describeByte(byte)}`);
}

function skipWhitespace(bytes: Uint8Array, start: number): number {
  let i = start;
  for (;;) {
    const byte = bytes[i];
    if (byte !== 0x20 && byte !== 0x0a && byte !== 0x0d && byte !== 0x09) return i;
    i += 1;
  }
}

/** Whitespace plus UTF-8 byte order marks: files re-saved by editors, then concatenated, carry one each. */
function skipTopLevelGap(bytes: Uint8Array, start: number): number {
  let i = skipWhitespace(bytes, start);
  while (bytes[i] === BOM[0] && bytes[i + 1] === BOM[1] && bytes[i + 2] === BOM[2]) {
    i = skipWhitespace(bytes, i + 3);
  }
  return i;
}
