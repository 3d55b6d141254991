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

// The markdown parser's cost grows much faster than the text for some shapes (blockquotes or
// lists nested thousands deep, paragraphs of thousands of emphasis or bracket marks): 40 KB of
// them keeps the server busy for minutes. Real backlog documents nest a few levels and hold a few
// dozen marks per paragraph, so such shapes are refused before parsing, in one linear pass.
export const MAX_NESTING = 32;
export const MAX_INLINE_MARKS = 1000;
const INLINE_MARKS = new Set(["*", "_", "~", "[", "]", "`", "<", "!"]);

/** Container depth at the start of a line: `>` markers, list markers, and indentation (2 columns a level). */
function lineNesting(line: string): number {
  let depth = 0;
  let columns = 0;
  let at = 0;
  for (;;) {
    const char = line[at];
    if (char === undefined) return depth; // a blank line: its spaces nest nothing
    if (char === " ") columns += 1;
    else if (char === "\t") columns += 4;
    else if (char === ">") {
      depth += 1;
      if (line[at + 1] === " ") at += 1; // the marker's own space
    } else if ((char === "-" || char === "+" || char === "*") && /[ \t]/.test(line[at + 1] ?? "")) {
      depth += 1;
      at += 1;
    } else {
      const ordered = /^\d{1,9}[.)][ \t]/.exec(line.slice(at, at + 11));
      if (!ordered) break;
      depth += 1;
      at += ordered[0].length - 1;
    }
    at += 1;
  }
  return depth + Math.floor(columns / 2);
}

export function assertReadableStructure(text: string): void {
  let marks = 0;
  let lineNumber = 0;
  for (const line of text.split("\n")) {
    lineNumber += 1;
    const nesting = lineNesting(line);
    if (nesting > MAX_NESTING) {
      throw new BacklogParseError(
        "not_markdown",
        `Line ${lineNumber} nests blockquotes, lists or indentation ${nesting} levels deep; a backlog document needs at most ${MAX_NESTING}.`,
      );
    }
    // Inline marks are resolved per paragraph (per row in a table): count until a blank line.
    if (line.trim() === "" || line.trimStart().startsWith("|")) marks = 0;
    for (const char of line) if (INLINE_MARKS.has(char)) marks += 1;
    if (marks > MAX_INLINE_MARKS) {
      throw new BacklogParseError(
        "not_markdown",
        `The paragraph ending at line ${lineNumber} holds more than ${MAX_INLINE_MARKS} emphasis, link or code marks (* _ ~ [ ] \` < !); a backlog document has a few dozen.`,
      );
    }
  }
}

/** BOM, CRLF and Mac-Roman mojibake removed, in an order that also handles a double-encoded BOM. */
export function normaliseBacklogText(input: string): string {
  const stripped = input.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  return repairMojibake(stripped).replace(/^\uFEFF/, "");
}
