import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { AppError } from "@/lib/errors";
import { decodeUtf8 } from "@/lib/encoding";
import { MAX_INLINE_MARKS, MAX_NESTING } from "./document-text";
import { exportBacklogMarkdown } from "./export-markdown";
import { BacklogParseError, parseBacklog } from "./parse-backlog";
import { CATEGORIES, STATUSES, type ParsedBacklog } from "./schema";

// Property: whatever text arrives at the import door, the reader returns a backlog that keeps its
// own invariants or throws BacklogParseError (a typed 422), never anything else. Inputs are
// arbitrary strings and bytes, and documents built from the backlog's real grammar (category
// sections, "### KEY: Title" items, bold **Field:** lines, action checklists, tables, phases)
// with hostile text in every slot. The seed is fixed so a run is reproducible; a failure prints
// the seed and the shrunk counterexample (replay with `{ seed, path }` in fc.assert).
const SEED = 20_261_123;
const params = (numRuns: number) => ({ seed: SEED, numRuns });

/** Parses, or returns the refusal; anything else thrown fails the property. */
function read(text: string): ParsedBacklog | BacklogParseError {
  try {
    return parseBacklog(text);
  } catch (error) {
    if (error instanceof BacklogParseError) return error;
    throw error;
  }
}

/** Invariants every accepted document keeps. */
function expectWellFormed(doc: ParsedBacklog): void {
  const keys = doc.items.map((item) => item.key);
  expect(new Set(keys).size).toBe(keys.length);
  for (const item of doc.items) {
    expect(item.key).toMatch(/^[A-Z][A-Z0-9]*-\d+$/);
    expect(CATEGORIES).toContain(item.category);
    expect(STATUSES).toContain(item.status);
    if (item.effortMinHours !== null && item.effortMaxHours !== null) expect(item.effortMinHours).toBeLessThanOrEqual(item.effortMaxHours);
    for (const action of item.actions) expect(action.text.trim()).not.toBe("");
  }
  const phaseKeys = doc.phases.map((phase) => phase.key);
  expect(new Set(phaseKeys).size).toBe(phaseKeys.length);
}

// ---- The document's grammar, with hostile text in every slot -------------------------------

const HOSTILE_TEXT = [
  "<script>window.__xss=1</script>",
  '<img src=x onerror="window.__xss=1">',
  "[click](javascript:alert(1))",
  '"><svg onload=alert(1)>',
  "'; DROP TABLE \"BacklogItem\"; --",
  "$(rm -rf /) `reboot` && echo pwned | sh",
  "../../etc/passwd",
  "**bold** _em_ ~~struck~~ `code`",
  "| not | a | table |",
  "&#0; &#xD800; &amp; &lt;",
  "❌ NOT STARTED",
  "✅ DONE",
  "P0-1: looks like a key",
  "\u202Eevil\u202C",
  "😀👩‍👩‍👧 Ünïcödé",
];

const word = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 ._-]{0,24}$/);
/** One line of inline text: plain words, hostile snippets, or arbitrary printable graphemes. */
const inline = fc
  .oneof(
    { weight: 4, arbitrary: word },
    { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_TEXT) },
    { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
  )
  .map((text) => text.replace(/[\r\n]+/g, " "));

const CATEGORY_HEADINGS = ["🔴 CRITICAL BLOCKERS (Must Fix)", "CRITICAL BLOCKERS", "🟡 NEEDS VERIFICATION", "⚪ NOT REQUIRED", "✅ COMPLIANT"];
const OTHER_HEADINGS = ["📊 EXECUTIVE SUMMARY", "📅 IMPLEMENTATION PLAN", "Notes", "References"];
const STATUS_LINES = ["❌ NOT STARTED", "✅ DONE", "✅ COMPLETED", "🔄 IN PROGRESS", "⛔ BLOCKED", "⚠️ REQUIRES JUSTIFICATION", "❌ FAILED - labels missing", "✅ PASSED", "❌ WON'T DO"];
const EFFORTS = ["2-3 weeks", "1 day", "4h", "30 minutes", "1-2 days", "0", "999999999 weeks", "-5 days", "a while"];

const key = fc.tuple(fc.constantFrom("P0", "P1", "P2", "P3", "C", "X9"), fc.integer({ min: 0, max: 30 })).map(([prefix, n]) => `${prefix}-${n}`);

const field = fc.oneof(
  fc.oneof(fc.constantFrom(...STATUS_LINES), inline).map((status) => `**Status:** ${status}`),
  fc.oneof(fc.constantFrom(...EFFORTS), inline).map((effort) => `**Effort:** ${effort}`),
  inline.map((source) => `**Source:** ${source}`),
  fc.array(inline, { maxLength: 3 }).map((files) => `**Files:** ${files.map((f) => `\`${f}\``).join(", ")}`),
);
const checklist = fc
  .array(fc.tuple(fc.constantFrom("- [ ] ", "- [x] ", "- ", "1. "), inline), { minLength: 1, maxLength: 4 })
  .map((entries) => `**Action Required:**\n${entries.map(([marker, text]) => marker + text).join("\n")}`);
const table = fc
  .tuple(fc.integer({ min: 1, max: 4 }), fc.array(fc.array(inline, { minLength: 1, maxLength: 4 }), { maxLength: 4 }))
  .map(([columns, rows]) => {
    const row = (cells: string[]) => `| ${Array.from({ length: columns }, (_, i) => (cells[i] ?? "").replace(/\|/g, "\\|")).join(" | ")} |`;
    return [row(Array.from({ length: columns }, (_, i) => `h${i}`)), `|${"---|".repeat(columns)}`, ...rows.map(row)].join("\n");
  });
const block = fc.oneof(
  { weight: 3, arbitrary: field },
  { weight: 2, arbitrary: inline },
  { weight: 1, arbitrary: checklist },
  { weight: 1, arbitrary: table },
  { weight: 1, arbitrary: inline.map((text) => `> ${text}`) },
  { weight: 1, arbitrary: inline.map((text) => "```\n" + text + "\n```") },
  { weight: 1, arbitrary: fc.constant("---") },
);
const item = fc
  .record({ struck: fc.boolean(), key: fc.option(key, { freq: 5 }), title: inline, suffix: fc.option(fc.constantFrom(...STATUS_LINES)), blocks: fc.array(block, { maxLength: 4 }) })
  .map(({ struck, key, title, suffix, blocks }) => {
    const heading = `${key ? `${key}: ` : ""}${title}`;
    return [`### ${struck ? `~~${heading}~~` : heading}${suffix ? ` ${suffix}` : ""}`, ...blocks].join("\n\n");
  });
const phase = fc
  .record({ n: fc.integer({ min: 0, max: 12 }), name: inline, blockers: fc.array(key, { maxLength: 3 }), tasks: fc.array(inline, { maxLength: 3 }) })
  .map(({ n, name, blockers, tasks }) =>
    [`### Phase ${n}: ${name} (1-2 weeks)`, `**Blockers:** ${blockers.join(", ")}`, tasks.map((task, i) => `${i + 1}. **${task}** (2 days)`).join("\n"), `**Deliverable:** ${name}`].join("\n\n"),
  );
const summary = fc
  .array(fc.tuple(fc.constantFrom(...CATEGORY_HEADINGS), fc.oneof(fc.nat({ max: 30 }).map(String), inline)), { maxLength: 4 })
  .map((rows) => ["| Category | Count | Effort |", "|---|---|---|", ...rows.map(([label, count]) => `| ${label} | ${count} | 1 week |`)].join("\n"));
const section = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(fc.constantFrom(...CATEGORY_HEADINGS), fc.array(item, { maxLength: 3 })).map(([heading, items]) => [`## ${heading}`, ...items]) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...OTHER_HEADINGS), fc.array(phase, { maxLength: 3 }), summary).map(([heading, phases, table]) => [`## ${heading}`, table, ...phases]) },
  { weight: 1, arbitrary: fc.tuple(inline, fc.array(block, { maxLength: 3 })).map(([heading, blocks]) => [`## ${heading}`, ...blocks]) },
);
const documentText = fc
  .record({ title: fc.option(inline), sections: fc.array(section, { maxLength: 4 }), crlf: fc.boolean(), bom: fc.boolean() })
  .map(({ title, sections, crlf, bom }) => {
    const text = [...(title === null ? [] : [`# ${title}`]), ...sections.flat()].join("\n\n") + "\n";
    return (bom ? "\uFEFF" : "") + (crlf ? text.replace(/\n/g, "\r\n") : text);
  });

/** Items the grammar guarantees: a keyed, non-struck heading right under a category heading. */
function hasPlainKeyedItem(text: string): boolean {
  return /^## (?:🔴 CRITICAL BLOCKERS|CRITICAL BLOCKERS|🟡 NEEDS VERIFICATION|⚪ NOT REQUIRED)[^\n]*\r?\n\r?\n### [A-Z][A-Z0-9]*-\d+: [A-Za-z0-9]/mu.test(text);
}

describe("parseBacklog on arbitrary input", { timeout: 30_000 }, () => {
  it("arbitrary strings give a backlog or a BacklogParseError", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 400 }), fc.string({ unit: "binary", maxLength: 400 }), fc.string({ unit: "grapheme", maxLength: 400 })), (text) => {
        const result = read(text);
        if (!(result instanceof BacklogParseError)) expectWellFormed(result);
      }),
      params(200),
    );
  });

  it("arbitrary bytes at the import door give a backlog or a typed refusal (invalid_encoding, not_markdown, no_items)", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        try {
          expectWellFormed(parseBacklog(decodeUtf8(bytes)));
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          expect(["invalid_encoding", "not_markdown", "no_items"]).toContain(error.code);
        }
      }),
      params(300),
    );
  });

  it("documents built from the backlog's grammar parse, keep their invariants, and survive an export round trip", () => {
    let accepted = 0;
    fc.assert(
      fc.property(documentText, (text) => {
        const result = read(text);
        if (result instanceof BacklogParseError) {
          // The grammar only refuses for want of items (an empty document is not markdown at all);
          // a plain keyed item under a category must be read.
          expect(result.code).toBe(text.replace(/^\uFEFF/, "").trim() === "" ? "not_markdown" : "no_items");
          expect(hasPlainKeyedItem(text)).toBe(false);
          return;
        }
        accepted += 1;
        expectWellFormed(result);
        // A title that itself ends in emoji + status words ("Foo ❌ NOT STARTED") reads as a status by
        // the document's own grammar, so it cannot round-trip; such documents skip this part.
        if (result.items.some((i) => /\p{Extended_Pictographic}/u.test(i.title))) return;
        const again = parseBacklog(exportBacklogMarkdown(result));
        expect(again.items.map((i) => i.key)).toEqual(result.items.map((i) => i.key));
        expect(again.items.map((i) => [i.category, i.status, i.title])).toEqual(result.items.map((i) => [i.category, i.status, i.title]));
      }),
      params(80),
    );
    // Most generated documents hold an item: the property is about readable documents, not refusals.
    expect(accepted).toBeGreaterThan(40);
  });

  it("refuses nesting and mark density that would stall the markdown parser, and reads what stays within the limits", () => {
    const ITEM = "# Backlog\n\n## CRITICAL BLOCKERS\n\n### P0-1: Item\n\n";
    // Indented lists grow with the square of their depth: 300 levels are plenty to cross the limit.
    const nested = (kind: string, depth: number) =>
      kind === "indent" ? Array.from({ length: Math.min(depth, 300) }, (_, i) => `${"  ".repeat(i)}- a`).join("\n") : `${kind.repeat(depth)}x`;
    fc.assert(
      fc.property(fc.constantFrom(">", "> ", "- ", "1. ", "indent"), fc.integer({ min: MAX_NESTING + 1, max: 20_000 }), (kind, depth) => {
        const result = read(ITEM + nested(kind, depth));
        expect(result instanceof BacklogParseError && result.code).toBe("not_markdown");
      }),
      params(40),
    );
    fc.assert(
      fc.property(fc.constantFrom("*a", "*_", "[", "[a](", "a`b", "<a", "~~x"), fc.integer({ min: MAX_INLINE_MARKS + 1, max: 200_000 }), (unit, marks) => {
        const result = read(ITEM + unit.repeat(Math.ceil(marks / unit.replace(/[a-z]/g, "").length)));
        expect(result instanceof BacklogParseError && result.code).toBe("not_markdown");
      }),
      params(40),
    );
    fc.assert(
      fc.property(fc.constantFrom(">", "- "), fc.integer({ min: 1, max: MAX_NESTING - 2 }), (kind, depth) => {
        const result = read(`${ITEM}${nested(kind, depth)}\n\n### P0-2: After\n`);
        expect(result instanceof BacklogParseError ? result.message : result.items.map((i) => i.key)).toEqual(["P0-1", "P0-2"]);
      }),
      params(20),
    );
  });

  it("reads or refuses the slots a backtracking expression read, whatever is repeated in them", () => {
    // Each slot was read by an expression that tried every start position to the end of the text;
    // with the single-pass reads any repetition of any unit gives a backlog or a refusal. The
    // 2 MiB cases that would have taken minutes live in parse-backlog.complexity.test.ts.
    const slots = [
      (text: string) => `# B\n\n## CRITICAL BLOCKERS\n\n### P0-1: ${text}\n`,
      (text: string) => `# B\n\n## CRITICAL BLOCKERS\n\n### P0-1: T\n\n**File:** ${text}\n`,
      (text: string) => `# B\n\n## CRITICAL BLOCKERS\n\n### P0-1: T\n\n**Required Actions:**\n1. ${text}\n`,
      (text: string) => `# B\n\n## CRITICAL BLOCKERS\n\n### P0-1: T\n\n**Component:** ${text}\n`,
      (text: string) => `# B\n\n## CRITICAL BLOCKERS\n\n### P0-1: T\n\n## IMPLEMENTATION PLAN\n\n### Phase 1: ${text}\n\n**Blockers:** P0-1\n\n1. **Step** ${text}\n   - ${text}\n`,
    ];
    const unit = fc.array(fc.constantFrom(")", "(", "]", "🚀", "✅", "\uFE0F", " ", "image", "IMG=", "a", "1", "'", "quay.io/a/b:1", "(TBD)", "\n", "> ", "- "), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(fc.nat(slots.length - 1), unit, fc.integer({ min: 1_000, max: 40_000 }), (slot, parts, length) => {
        const piece = parts.join("");
        const result = read(slots[slot]!(piece.repeat(Math.ceil(length / piece.length))));
        if (!(result instanceof BacklogParseError)) expectWellFormed(result);
      }),
      params(60),
    );
  });
});
