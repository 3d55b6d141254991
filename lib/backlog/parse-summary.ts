import type { Table } from "mdast";

import { plain } from "./markdown";
import type { ParsedSummaryRow } from "./schema";
import { categoryFromText, type Section } from "./split-sections";
import { LEADING_SYMBOLS } from "./status-map";

// The executive summary table, kept as the document states it so the importer can compare it with
// what the items add up to. Columns are found by header name, so a reordered table still reads.

function readSummaryTable(table: Table, warnings: string[]): ParsedSummaryRow[] {
  const [header, ...rows] = table.children;
  const headers = header?.children.map((cell) => plain(cell).toLowerCase()) ?? [];
  const column = (name: string, fallback: number): number => {
    const index = headers.findIndex((text) => text.includes(name));
    return index >= 0 ? index : fallback;
  };
  const [categoryColumn, countColumn, effortColumn] = [column("category", 0), column("count", 2), column("effort", 3)];
  const summary: ParsedSummaryRow[] = [];
  for (const row of rows) {
    const cell = (index: number): string => {
      const found = row.children[index];
      return found ? plain(found) : "";
    };
    const label = cell(categoryColumn).replace(LEADING_SYMBOLS, "");
    const category = categoryFromText(label);
    if (!category) {
      warnings.push(`Executive summary row "${label}" names no known category; ignored.`);
      continue;
    }
    const count = /\d+/.exec(cell(countColumn))?.[0];
    const effort = cell(effortColumn);
    summary.push({
      category,
      label,
      count: count === undefined ? null : Number(count),
      effortText: effort === "" || /^[-–—]$/.test(effort) ? null : effort,
    });
  }
  return summary;
}

/** The rows of the section's first table, wherever in the section it sits; none without a table. */
export function readSummary(section: Section, warnings: string[]): ParsedSummaryRow[] {
  const table = [...section.nodes, ...section.blocks.flatMap((block) => block.nodes)].find(
    (node): node is Table => node.type === "table",
  );
  return table ? readSummaryTable(table, warnings) : [];
}
