import { describe, expect, it } from "vitest";

import { exportBacklogCsv } from "./export-csv";
import { parseBacklog } from "./parse-backlog";

// Security review, issue 12: a spreadsheet runs a cell that starts with = + - @ (or a tab or
// carriage return) as a formula, so an item titled =HYPERLINK(…) would act when the export is
// opened. Such cells are written with a leading apostrophe, which spreadsheets show as text.

function csvOf(markdown: string): string[] {
  return exportBacklogCsv(parseBacklog(`# Backlog\n\n## CRITICAL BLOCKERS\n\n${markdown}`)).trimEnd().split("\n");
}

describe("the CSV export", () => {
  it("writes a formula in a title as text", () => {
    const [, row] = csvOf('### P0-1: =HYPERLINK("http://evil")\n');
    expect(row).toBe(`P0-1,"'=HYPERLINK(""http://evil"")",critical_blocker,P0,not_started,,,,,,,,,,,0,0,,`);
  });

  it.each([
    ["=1+2", "'=1+2"],
    ["+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1:A2)", "'@SUM(A1:A2)"],
    ["＝1+2", "'＝1+2"],
  ])("escapes a title starting %s", (title, cell) => {
    const [, row] = csvOf(`### P0-1: ${title}\n`);
    expect(row?.split(",").slice(0, 2).join(",")).toBe(`P0-1,${cell}`);
  });

  it("escapes every text column, not only the title", () => {
    const [header, row] = csvOf(["### P0-1: Plain", "", "**Status:** ❌ FAILED - =cmd", "**Effort:** -", "**Source:** @evil", "**Files:** +x.go"].join("  \n") + "\n");
    const cells = Object.fromEntries(header!.split(",").map((name, index) => [name, row!.split(",")[index]]));
    expect(cells).toMatchObject({ title: "Plain", status_note: "'=cmd", effort: "'-", source: "'@evil", files: "'+x.go" });
  });

  it("leaves numbers and ordinary text alone", () => {
    const [, row] = csvOf("### P1-2: Labels - required\n\n**Effort:** 2-3 days\n");
    expect(row).toBe("P1-2,Labels - required,critical_blocker,P1,not_started,,,2-3 days,16,24,,,,,,0,0,,");
  });

  it("adds each item's owner and due date when the stored plan gives them, and a name cannot become a formula", () => {
    const doc = parseBacklog("# Backlog\n\n## CRITICAL BLOCKERS\n\n### P0-1: One\n\n### P0-2: Two\n");
    const [header, one, two] = exportBacklogCsv({ ...doc, plan: { "P0-1": { owner: "=Erin", dueDate: "2027-01-31" }, "P0-2": { owner: null, dueDate: null } } })
      .trimEnd()
      .split("\n");
    expect(header?.endsWith(",owner,due_date")).toBe(true);
    expect(one?.endsWith(",'=Erin,2027-01-31")).toBe(true);
    expect(two?.endsWith(",0,0,,")).toBe(true);
  });
});
