import type { Nodes, Root, RootContent } from "mdast";

import { parseMarkdown } from "./markdown";

// The markdown parser's time grows with the square of a document's length when it is one long
// run of lists and headings: every line that closes a list (the heading after an item's action
// list) makes micromark copy all the document's events so far. A large backlog therefore spent
// most of its read there. Cutting the document at top-level headings and parsing the pieces one
// after another gives the same tree, because such a heading ends every block open before it, except
// a fenced code or HTML block still open at that point, which each piece's own tree shows.

/**
 * About how many characters each piece holds; a piece only ends before a heading line. micromark
 * allocates several hundred bytes per character and keeps a piece's events until the piece is
 * done, so smaller pieces leave less for each young-generation GC to copy: 8 KiB pieces cost
 * about a quarter less CPU than 32 KiB ones on the bench document, and a parse's fixed cost
 * (~0.3 ms) stays small beside the ~20 ms a piece takes.
 */
export const MARKDOWN_CHUNK_CHARS = 8192;

// "# Title" … "###### Title" (or a bare "#") at the start of a line, not indented.
const HEADING_LINE = /\n#{1,6}(?=[ \t\n]|$)/g;
// A link reference or footnote definition ("[id]: url", "[^1]: note") applies to the whole
// document, so a document holding one is parsed in one piece.
const DEFINITION_MARK = "]:";

/** Offset of the first heading line at or after `from`, or the text's length. */
function nextHeadingLine(text: string, from: number): number {
  HEADING_LINE.lastIndex = Math.max(0, from - 1);
  const match = HEADING_LINE.exec(text);
  return match ? match.index + 1 : text.length;
}

/**
 * Whether the text after `piece` starts outside every block, as it does in the piece's own tree:
 * a heading line ends paragraphs, lists, quotes and tables, but not a fenced code block left open
 * (nor, in a list or quote, ends it where the piece's end does: the piece's tree runs it to the
 * piece's very end, past the line ending every closed block stops before), nor an HTML block not
 * yet ended by a blank line.
 */
function endsOutsideBlocks(root: Root, piece: string): boolean {
  const last = root.children.at(-1);
  if (!last) return true;
  const end = last.position?.end.offset ?? piece.length;
  if (end >= piece.length) return false;
  return last.type !== "html" || /\n[ \t]*\n/.test(piece.slice(end));
}

type Point = NonNullable<Nodes["position"]>["start"];

function shiftPoint(point: Point, lines: number, offset: number): Point {
  const shifted: Point = { line: point.line + lines, column: point.column };
  if (point.offset !== undefined) shifted.offset = point.offset + offset;
  return shifted;
}

/** Positions of a piece's nodes moved to where the piece sits in the document (pieces start at column 1). */
function shiftPositions(node: Nodes, lines: number, offset: number): void {
  if (node.position) {
    node.position = { start: shiftPoint(node.position.start, lines, offset), end: shiftPoint(node.position.end, lines, offset) };
  }
  if ("children" in node) for (const child of node.children) shiftPositions(child, lines, offset);
}

function countLines(text: string): number {
  let lines = 0;
  for (let at = text.indexOf("\n"); at !== -1; at = text.indexOf("\n", at + 1)) lines += 1;
  return lines;
}

/**
 * parseMarkdown's tree, positions included, for a document of any length in time proportional to
 * it. `chunkChars` is the target size of a piece (tests use small ones to cut at every heading).
 */
export function parseMarkdownInChunks(text: string, chunkChars = MARKDOWN_CHUNK_CHARS): Root {
  if (text.length <= chunkChars || text.includes(DEFINITION_MARK)) return parseMarkdown(text);
  const children: RootContent[] = [];
  let start: Point | undefined;
  let end: Point | undefined;
  let offset = 0;
  let lines = 0;
  while (offset < text.length) {
    let size = chunkChars;
    let stop: number;
    let piece: string;
    let root: Root;
    // A piece that ends inside a block grows (doubling, so the re-reads cost at most as much again).
    for (;;) {
      stop = nextHeadingLine(text, offset + size);
      piece = text.slice(offset, stop);
      root = parseMarkdown(piece);
      if (stop === text.length || endsOutsideBlocks(root, piece)) break;
      size *= 2;
    }
    if (lines > 0 || offset > 0) shiftPositions(root, lines, offset);
    for (const child of root.children) children.push(child);
    start ??= root.position?.start;
    end = root.position?.end;
    lines += countLines(piece);
    offset = stop;
  }
  const tree: Root = { type: "root", children };
  if (start && end) tree.position = { start, end };
  return tree;
}
