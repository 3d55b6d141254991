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
// Other shapes cost the parser a fixed but large time per line, cell or mark (a list item
// ~130 µs, a table cell ~70 µs, an emphasis mark, escape, entity or autolink 12–30 µs, against
// ~1 µs for a word of prose), and paragraphs continued lazily inside a blockquote or list ("> a"
// followed by unmarked lines) cost the square of their length. The customer's document has 250
// lines, 32 table pipes, ~560 marks and no lazy line; the caps leave a margin of 40 to 80 times
// and keep the read of any 2 MiB import to seconds.
export const MAX_NESTING = 32;
export const MAX_INLINE_MARKS = 1000;
export const MAX_DOCUMENT_MARKS = 50_000;
export const MAX_LINES = 20_000;
export const MAX_TABLE_PIPES = 20_000;
export const MAX_LAZY_LINES = 100;
const INLINE_MARKS = ["*", "_", "~", "[", "]", "`", "<", "!"];
// Marks that cost the parser a token without counting towards a paragraph's emphasis.
const OTHER_MARKS = ["\\", "&", "@"];
// What each ASCII character counts as, so the pass over every character is a table look-up.
const PIPE = 1;
const INLINE_MARK = 2;
const OTHER_MARK = 3;
const MARK_KIND = new Uint8Array(128);
MARK_KIND["|".charCodeAt(0)] = PIPE;
for (const mark of INLINE_MARKS) MARK_KIND[mark.charCodeAt(0)] = INLINE_MARK;
for (const mark of OTHER_MARKS) MARK_KIND[mark.charCodeAt(0)] = OTHER_MARK;
const AUTOLINK_STARTS = ["://", "www."];

function occurrences(line: string, needle: string): number {
  let count = 0;
  for (let at = line.indexOf(needle); at !== -1; at = line.indexOf(needle, at + needle.length)) count += 1;
  return count;
}

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

// A line that starts a block of its own (heading, table row, fence, rule) ends a lazy paragraph.
const BLOCK_START = /^(?:#|\||```|~~~|---|\*\*\*|___)/;

function refuse(message: string): never {
  throw new BacklogParseError("not_markdown", message);
}

export function assertReadableStructure(text: string): void {
  let marks = 0;
  let lineNumber = 0;
  let lines = 0;
  let pipes = 0;
  let documentMarks = 0;
  let inContainer = false;
  let lazy = 0;
  for (const line of text.split("\n")) {
    lineNumber += 1;
    const blank = line.trim() === "";
    const nesting = lineNesting(line);
    if (!blank && ++lines > MAX_LINES) {
      refuse(`The document has more than ${MAX_LINES.toLocaleString("en-US")} non-blank lines; a backlog document has a few hundred.`);
    }
    // Inline marks are resolved per paragraph (per row in a table): count until a blank line.
    if (blank || line.trimStart().startsWith("|")) marks = 0;
    // Every mark is ASCII, and no half of a surrogate pair is, so code units count as characters.
    for (let at = 0; at < line.length; at++) {
      const code = line.charCodeAt(at);
      const kind = code < 128 ? MARK_KIND[code] : 0;
      if (kind === PIPE) pipes += 1;
      else if (kind === INLINE_MARK) {
        marks += 1;
        documentMarks += 1;
      } else if (kind === OTHER_MARK) documentMarks += 1;
    }
    for (const start of AUTOLINK_STARTS) documentMarks += occurrences(line, start);
    if (documentMarks > MAX_DOCUMENT_MARKS) {
      refuse(
        `The document holds more than ${MAX_DOCUMENT_MARKS.toLocaleString("en-US")} emphasis, link, code, escape or entity marks (* _ ~ [ ] \` < ! \\ & @ :// www.); a backlog document has a few hundred.`,
      );
    }
    if (pipes > MAX_TABLE_PIPES) {
      refuse(`The document holds more than ${MAX_TABLE_PIPES.toLocaleString("en-US")} table cell separators (|); a backlog document has a few dozen.`);
    }
    // Unmarked lines continuing a paragraph that started inside a blockquote or list item.
    if (blank || (nesting === 0 && BLOCK_START.test(line))) {
      inContainer = false;
      lazy = 0;
    } else if (nesting > 0) {
      inContainer = true;
    } else if (inContainer && ++lazy > MAX_LAZY_LINES) {
      refuse(
        `Line ${lineNumber} is the ${MAX_LAZY_LINES + 1}th unindented line continuing a quoted or listed paragraph; indent the lines, mark them with ">", or break the paragraph with a blank line.`,
      );
    }
    if (nesting > MAX_NESTING) {
      refuse(`Line ${lineNumber} nests blockquotes, lists or indentation ${nesting} levels deep; a backlog document needs at most ${MAX_NESTING}.`);
    }
    if (marks > MAX_INLINE_MARKS) {
      refuse(
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
