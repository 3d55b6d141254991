import { stringify } from "csv-stringify/sync";
import type { ParsedBacklog } from "@/lib/backlog/schema";

const COLUMNS = [
  "key",
  "title",
  "category",
  "priority",
  "status",
  "latest_result",
  "status_note",
  "effort",
  "effort_min_hours",
  "effort_max_hours",
  "phase",
  "source",
  "files",
  "components",
  "checks",
  "actions_done",
  "actions_total",
  "owner",
  "due_date",
] as const;

/** Who owns each item and when it is due, by key: stored data the document format has no place for. */
export type ItemPlanCells = Record<string, { owner: string | null; dueDate: string | null }>;

/**
 * One row per item, for spreadsheets; lists are joined with "; ". A text cell starting with
 * = + - @, a tab or a carriage return gets a leading apostrophe: a spreadsheet would run it as a
 * formula (=HYPERLINK(…) in a title). Numbers stay numbers.
 */
export function exportBacklogCsv(doc: ParsedBacklog & { plan?: ItemPlanCells }): string {
  const phaseOf = new Map<string, string>();
  for (const phase of doc.phases) for (const key of phase.itemKeys) phaseOf.set(key, phase.name);
  const rows = doc.items.map((item) => [
    item.key,
    item.title,
    item.category,
    item.priority ?? "",
    item.status,
    item.latestResult ?? "",
    item.statusNote ?? "",
    item.effortText ?? "",
    item.effortMinHours ?? "",
    item.effortMaxHours ?? "",
    phaseOf.get(item.key) ?? "",
    item.source ?? "",
    item.fileRefs.join("; "),
    item.imageRefs.join("; "),
    item.checkNames.join("; "),
    item.actions.filter((a) => a.done).length,
    item.actions.length,
    doc.plan?.[item.key]?.owner ?? "",
    doc.plan?.[item.key]?.dueDate ?? "",
  ]);
  return stringify([[...COLUMNS], ...rows], { escape_formulas: true });
}
