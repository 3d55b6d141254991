import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { largeBacklog } from "@/scripts/bench/import-document.mjs";
import { BACKLOG_PATH, hasBacklogFixture, readFixture } from "@/tests/fixtures";
import { normaliseBacklogText } from "./document-text";
import { parseMarkdown } from "./markdown";
import { parseMarkdownInChunks } from "./markdown-chunks";

// The reader parses large documents in pieces; the tree must be the one a single parse gives,
// positions included. A piece size of 1 cuts before every heading line the document has, so each
// case below tries every cut the reader could ever make in it.
const EVERY_HEADING = 1;

const sameAsWhole = (text: string, chunkChars = EVERY_HEADING) => expect(parseMarkdownInChunks(text, chunkChars)).toStrictEqual(parseMarkdown(text));

describe("parseMarkdownInChunks", { timeout: 30_000 }, () => {
  it.skipIf(!hasBacklogFixture)("gives the customer's document's tree, cut at every heading or in 2 KiB pieces", () => {
    const text = normaliseBacklogText(readFixture(BACKLOG_PATH));
    sameAsWhole(text);
    sameAsWhole(text, 2048);
  });

  it("gives the bench document's tree", () => {
    const { text } = largeBacklog({ bytes: 60_000, items: 60 });
    const normalised = normaliseBacklogText(text);
    sameAsWhole(normalised);
    sameAsWhole(normalised, 4096);
  });

  it("does not cut where a heading line is inside a block", () => {
    const cases = [
      // An open fence runs over headings; a closed one does not.
      "# A\n\n```\ncode\n# not a heading\n```\n\n# B\n",
      "# A\n\n````md\n```\n# inside\n````\n# B\n",
      "# A\n\n~~~\n# inside\n",
      "# A\n\n```\nclosed\n```\n# B\n",
      // HTML blocks: a comment runs to its end, a <div> block to the next blank line.
      "# A\n\n<!--\n# inside\n-->\n# B\n",
      "# A\n\n<!--\n# inside\n-->\n\n# B\n",
      "# A\n\n<div>\n# inside\n\n# B\n",
      "# A\n\n<pre>\n# inside\n\n# still inside\n</pre>\n# B\n",
      "# A\n\n<div>\nx\n</div>\n# inside\n\n# B\n",
      // Indented code, tables, lists, quotes and lazy lines all end at a heading line.
      "# A\n\n    code\n# B\n",
      "# A\n\n| a | b |\n|---|---|\n| 1 | 2 |\n# B\n",
      "# A\n\n- item\n\n  ```\n  code\n# B\n",
      "# A\n\n> ```\n> code\n# B\n",
      "# A\n\n- <!--\n  x\n# B\n",
      "# A\n\n> quote\nlazy\n# B\n",
      "# A\n\n1. one\n   - two\n     lazy\n## B\n###### C\n#\n#nospace\n",
      // A fence opened inside a list item and closed at the margin.
      "# A\n\n- ```\n  x\n```\n# B\n```\n# C\n",
    ];
    for (const text of cases) sameAsWhole(text);
  });

  it("reads a document with definitions whole, so references resolve across it", () => {
    sameAsWhole("# A\n\nSee [the guide] and [^1].\n\n# B\n\n[the guide]: https://example.com\n[^1]: A note.\n");
  });

  it("gives the whole parse's tree for any mix of blocks and headings", () => {
    const line = fc.constantFrom(
      "# H",
      "## H2 *em*",
      "### P0-1: Item",
      "",
      "text with `code` and www.example.com",
      "```",
      "~~~",
      "    indented",
      "<div>",
      "</div>",
      "<!--",
      "-->",
      "<pre>",
      "</pre>",
      "- item",
      "  continued",
      "  ```",
      "  <!--",
      "1. one",
      "> quote",
      "| a | b |",
      "|---|---|",
      "**Status:** ✅ DONE  ",
      "***",
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 40 }), (lines) => {
        sameAsWhole(`${lines.join("\n")}\n`);
      }),
      { numRuns: 500 },
    );
  });
});
