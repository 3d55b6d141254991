import { CATEGORIES, STATUSES, type Category, type Status } from "@/lib/backlog/schema";
import type { CategoryStatusRow } from "./schema";

/** Item counts as a category × status table (every cell present, zeros included), categories in wire order. */
export function categoryStatusTable(groups: ReadonlyArray<{ category: Category; status: Status; count: number }>): CategoryStatusRow[] {
  return CATEGORIES.map((category) => {
    const row = { category, ...Object.fromEntries(STATUSES.map((s) => [s, 0])) } as CategoryStatusRow;
    for (const g of groups) if (g.category === category) row[g.status] += g.count;
    return row;
  });
}

/** The statuses that occur at all, so the chart's legend and table skip empty columns. */
export function usedStatuses(rows: readonly CategoryStatusRow[]): Status[] {
  return STATUSES.filter((status) => rows.some((row) => row[status] > 0));
}
