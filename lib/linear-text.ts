// Text scans the importer runs on a document's words and headings, written as single passes. The
// regular expressions they replace (kept as the oracles in linear-text.test.ts) backtrack: a
// 2 MiB heading of ")" or of "🚀 " kept the event loop busy for minutes, growing with the square of
// its length. Each function here returns exactly what its expression returned, in linear time.

const OPENERS = new Set(["(", '"', "'", "[", "{", "<"]);
const CLOSERS = new Set([")", '"', "'", "]", "}", ">", ",", ";", "."]);
const LINE_TERMINATORS = new Set(["\n", "\r", "\u2028", "\u2029"]);

/** `word.replace(/^[("'[{<]+|[)"'\]}>,;.]+$/g, "")`: brackets, quotes and trailing punctuation off a word. */
export function trimWordPunctuation(word: string): string {
  let start = 0;
  while (start < word.length && OPENERS.has(word[start]!)) start += 1;
  let end = word.length;
  while (end > start && CLOSERS.has(word[end - 1]!)) end -= 1;
  // A word made of closers only ("))") loses them all, like the expression; a word of openers
  // only loses them too, and a closer run right after the openers goes with them.
  return word.slice(start, end);
}

/** `text.replace(/\(.*?\)/g, " ")`: every "(…)" on one line, shortest first, becomes a space. */
export function replaceParenthesised(text: string): string {
  // For every position, where the next ")" and the next line ending are: one pass from the end.
  const nextClose = new Int32Array(text.length + 1);
  const nextBreak = new Int32Array(text.length + 1);
  nextClose[text.length] = -1;
  nextBreak[text.length] = text.length;
  for (let at = text.length - 1; at >= 0; at -= 1) {
    const char = text[at]!;
    nextClose[at] = char === ")" ? at : nextClose[at + 1]!;
    nextBreak[at] = LINE_TERMINATORS.has(char) ? at : nextBreak[at + 1]!;
  }
  let out = "";
  let copied = 0;
  let at = 0;
  while (at < text.length) {
    const close = text[at] === "(" ? nextClose[at + 1]! : -1;
    if (close !== -1 && close < nextBreak[at + 1]!) {
      out += `${text.slice(copied, at)} `;
      at = close + 1;
      copied = at;
    } else {
      at += 1;
    }
  }
  return out + text.slice(copied);
}

const WHITESPACE = /^\s$/u;
const PICTOGRAPH = /^\p{Extended_Pictographic}$/u;
const STATUS_LETTER = /^[A-Za-z'’ ]$/;

/**
 * `/\s*(\p{Extended_Pictographic}[\p{Extended_Pictographic}\uFE0F\u200D\s]*[A-Za-z'’ ]+)$/u.exec(text)`
 * as { index, status }: the trailing "✅ DONE" of a heading, from the first pictograph of the
 * longest tail that reads as pictographs-and-spaces followed by words.
 */
export function trailingPictographStatus(text: string): { index: number; status: string } | null {
  const isLetter = (char: string) => STATUS_LETTER.test(char);
  const isMark = (char: string) => PICTOGRAPH.test(char) || char === "\uFE0F" || char === "\u200D" || WHITESPACE.test(char);
  // Walk back over code points: first the words ([A-Za-z'’ ]+, at least one), then the marks; a
  // letter before the marks, or anything that is neither, ends the tail.
  let at = text.length;
  let inWords = true;
  let wordCount = 0;
  let pictograph = -1;
  while (at > 0) {
    const codePoint = text.codePointAt(at - 1)!;
    const size = at >= 2 && codePoint >= 0xdc00 && codePoint <= 0xdfff ? surrogatePairSize(text, at) : 1;
    const char = text.slice(at - size, at);
    if (inWords && isLetter(char)) {
      wordCount += 1;
    } else if (isMark(char) && !(inWords && wordCount === 0)) {
      inWords = false;
      if (PICTOGRAPH.test(char)) pictograph = at - size;
    } else {
      break;
    }
    at -= size;
  }
  if (pictograph === -1) return null;
  let index = pictograph;
  while (index > 0 && WHITESPACE.test(text[index - 1]!)) index -= 1;
  return { index, status: text.slice(pictograph) };
}

function surrogatePairSize(text: string, end: number): number {
  const high = text.charCodeAt(end - 2);
  return high >= 0xd800 && high <= 0xdbff ? 2 : 1;
}
