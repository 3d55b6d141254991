import { describe, expect, it } from "vitest";
import { BACKLOG_PATH, hasBacklogFixture, readFixture } from "@/tests/fixtures";
import { largeBacklog } from "@/scripts/bench/import-document.mjs";
import { BacklogParseError, parseBacklog } from "./parse-backlog";
import { parseBacklogOffThread } from "./parse-off-thread";

// Each read starts a thread that loads the reader (about a megabyte of JavaScript): seconds on a busy machine.
describe("reading a backlog in a worker thread", { timeout: 30_000 }, () => {
  it.skipIf(!hasBacklogFixture)("gives the customer's document exactly as the reader in this thread does", async () => {
    const text = readFixture(BACKLOG_PATH);
    const parsed = await parseBacklogOffThread(text);
    expect(parsed.items).toHaveLength(19);
    expect(parsed).toEqual(parseBacklog(text));
  });

  it("reads the bench's large document: every item, no warning", async () => {
    const { text, items } = largeBacklog({ bytes: 40_000, items: 40 });
    const parsed = await parseBacklogOffThread(text);
    expect(parsed.items).toHaveLength(items);
    expect(parsed.warnings).toEqual([]);
  });

  it("refuses what the reader refuses, with the same error", async () => {
    const refusal = await parseBacklogOffThread('{"not": "markdown"}').catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(BacklogParseError);
    expect(refusal).toMatchObject({ code: "not_markdown", message: "The document is JSON, not markdown." });
    const none = await parseBacklogOffThread("# Title\n\nJust prose.\n").catch((error: unknown) => error);
    expect(none).toMatchObject({ code: "no_items" });
  });
});
