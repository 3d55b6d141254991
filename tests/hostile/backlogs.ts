// Backlog documents shaped to make a parser work more than once per byte: each is a valid start of
// a backlog (so the import gets past its first checks) followed by one unit repeated until the
// document is as long as asked. The shapes are the ones a review or a scan found super-linear or
// slow per byte, before the fixes in lib/linear-text.ts and lib/backlog/document-text.ts. Used by
// the unit tier (every shape at the 2 MiB import cap), the hostile corpus (over HTTP) and the bench.

export type HostileBacklog = { name: string; make: (bytes: number) => string };

const HEAD = "# Hostile\n\n## CRITICAL BLOCKERS\n\n";
const ITEM = `${HEAD}### P0-1: Title\n\n**Status:** Open\n\n`;
const PLAN = `${ITEM}\n## IMPLEMENTATION PLAN\n\n`;

/** prefix + unit × n + suffix, with n as large as fits in `bytes` UTF-8 bytes. */
function fill(prefix: string, unit: string, suffix: string, bytes: number): string {
  const size = (text: string) => Buffer.byteLength(text, "utf8");
  const count = Math.max(0, Math.floor((bytes - size(prefix) - size(suffix)) / size(unit)));
  return prefix + unit.repeat(count) + suffix;
}

/** prefix + unit(1) + unit(2) + … while the next unit fits in `bytes` UTF-8 bytes. */
function numbered(prefix: string, unit: (index: number) => string, bytes: number): string {
  const parts = [prefix];
  let size = Buffer.byteLength(prefix, "utf8");
  for (let index = 1; ; index += 1) {
    const next = unit(index);
    size += Buffer.byteLength(next, "utf8");
    if (size > bytes) return parts.join("");
    parts.push(next);
  }
}

export const HOSTILE_BACKLOGS: HostileBacklog[] = [
  // The review's two: a word of closing punctuation that does not end in punctuation, and "image" words.
  { name: "a heading of closing parentheses", make: (n) => fill(`${HEAD}### P0-1: `, ")", "a\n", n) },
  { name: "an action of image words", make: (n) => fill(`${ITEM}**Required Actions:**\n1. `, "image ", "(TBD\n", n) },
  { name: "file references of closing parentheses", make: (n) => fill(`${ITEM}**File:** a`, ")", "a\n", n) },
  { name: "a heading of pictographs", make: (n) => fill(`${HEAD}### P0-1: `, "🚀 ", "a1\n", n) },
  { name: "a component hint of open parentheses", make: (n) => fill(`${ITEM}**Component:** `, "(", "a\n", n) },
  { name: "a plan step of make arguments", make: (n) => fill(`${PLAN}### Phase 1: x\n\n**Blockers:** P0-1\n\n1. **Rebuild**\n   - `, "IMG=", "x\n", n) },
  { name: "a phase naming thousands of images for thousands of blockers", make: (n) => fill(`${PLAN}### Phase 1: x\n\n**Blockers:** ${"P0-1 ".repeat(20_000)}\n\n1. **Rebuild**\n`, "   - quay.io/a/b:1 quay.io/a/c:2\n", "", n) },
  { name: "a quoted paragraph continued lazily", make: (n) => fill(`${ITEM}> a\n`, "b\n", "", n) },
  { name: "a list item continued lazily inside a quote", make: (n) => fill(`${ITEM}> - a\n`, "b\n", "", n) },
  { name: "a list of one-letter items", make: (n) => fill(ITEM, "- a\n", "", n) },
  { name: "a table row of empty cells", make: (n) => fill(`${ITEM}| a |\n|---|\n| `, "x|", "\n", n) },
  { name: "items with nothing but a heading", make: (n) => fill(HEAD, "### P0-1: T\n", "", n) },
  { name: "a paragraph of backslashes", make: (n) => fill(ITEM, "\\", "\n", n) },
  { name: "paragraphs of autolinks", make: (n) => fill(ITEM, "www.a.io http://b.io a@b.io\n\n", "", n) },
  { name: "paragraphs of entities", make: (n) => fill(ITEM, "&amp; ".repeat(50) + "\n\n", "", n) },
  { name: "paragraphs of emphasis", make: (n) => fill(ITEM, "*a* ".repeat(100) + "\n\n", "", n) },
  // Just under the caps: the most expensive documents that are still read.
  { name: "the most list items the caps allow", make: (n) => fill(ITEM, `- ${"a".repeat(110)}\n`, "", n) },
  { name: "more items than an import takes", make: (n) => numbered(HEAD, (i) => `### P0-${i}: T\n\n**Status:** Open\n\n${"word ".repeat(150)}\n\n`, n) },
  { name: "the most marks the caps allow", make: (n) => fill(ITEM, `${"*a* ".repeat(100)}${"a".repeat(4200)}\n\n`, "", n) },
  { name: "prose", make: (n) => fill(ITEM, "image words of ordinary prose ", "\n", n) },
];
