import { describe, expect, it } from "vitest";

import { HOSTILE_BACKLOGS } from "@/tests/hostile/backlogs";
import { BacklogParseError, parseBacklog } from "./parse-backlog";

// Every hostile shape, filled to the import cap (MAX_IMPORT_BYTES, 2 MiB), is read or refused.
// Before the single-pass reads these took from minutes (a heading of ")" or of "🚀 ") to hours
// (a lazily continued quote); now the slowest takes seconds, and `npm run bench` reports how the
// time grows from 0.5 to 2 MiB. The test's time limit is a ceiling ten times above that, not a
// measurement: it is what turns "never finishes" into a failure.
const IMPORT_CAP = 2 * 1024 * 1024;

describe("parseBacklog on documents shaped to be slow", () => {
  it.each(HOSTILE_BACKLOGS.map((shape) => [shape.name, shape] as const))("%s, at 2 MiB", { timeout: 60_000 }, (_name, shape) => {
    const text = shape.make(IMPORT_CAP);
    expect(Buffer.byteLength(text, "utf8")).toBeGreaterThan(IMPORT_CAP - 4096);
    expect(Buffer.byteLength(text, "utf8")).toBeLessThanOrEqual(IMPORT_CAP);
    let outcome: string;
    try {
      outcome = `read ${parseBacklog(text).items.length} item(s)`;
    } catch (error) {
      expect(error).toBeInstanceOf(BacklogParseError);
      outcome = (error as BacklogParseError).code;
    }
    expect(outcome).toMatch(/^read \d+ item\(s\)$|^not_markdown$/);
  });
});
