import type { Heading, List, ListItem, Paragraph, PhrasingContent, RootContent, Table, TableRow } from "mdast";

import { formatEffortText, sumEffort } from "./effort";
import { markdownToBlocks, markdownToInline, stringifyMarkdown } from "./markdown";
import {
  CATEGORIES,
  isOpenStatus,
  type Category,
  type ParsedBacklog,
  type ParsedItem,
  type ParsedPhase,
  type ParsedSummaryRow,
} from "./schema";
import { statusLine } from "./status-map";

// Writes the backlog in the customer's document layout, built as mdast and serialised by
// remark-stringify with the same options the parser uses, so parseBacklog(export(doc)) gives the
// same items and phases and exporting that again is byte-identical.

const SECTION_HEADINGS: Record<Category, string> = {
  critical_blocker: "🔴 CRITICAL BLOCKERS (Must Address to Proceed)",
  needs_verification: "🟢 NEEDS VERIFICATION (Should Check)",
  not_required: "❌ NOT REQUIRED (Based on Official Requirements)",
  compliant: "✅ ALREADY COMPLIANT",
};

const SUMMARY_LABELS: Record<Category, string> = {
  critical_blocker: "CRITICAL BLOCKERS",
  needs_verification: "NEEDS VERIFICATION",
  not_required: "NOT REQUIRED",
  compliant: "COMPLIANT",
};

const SUMMARY_STATUS: Record<Category, string> = {
  critical_blocker: "❌ Must Fix",
  needs_verification: "⚠️ Should Verify",
  not_required: "❌ Not Needed",
  compliant: "✅ Already Done",
};

/**
 * The Executive Summary as the items say it: every category, its item count, and the summed
 * effort of its open items (null when none has an estimate). The importer compares these with
 * the document's own table.
 */
export function computeSummary(items: readonly ParsedItem[]): ParsedSummaryRow[] {
  return CATEGORIES.map((category) => {
    const inCategory = items.filter((item) => item.category === category);
    const effort = sumEffort(
      inCategory.flatMap((item) =>
        isOpenStatus(item.status) && item.effortMinHours !== null && item.effortMaxHours !== null
          ? [{ min: item.effortMinHours, max: item.effortMaxHours }]
          : [],
      ),
    );
    return {
      category,
      label: SUMMARY_LABELS[category],
      count: inCategory.length,
      effortText: effort ? formatEffortText(effort.min, effort.max) : null,
    };
  });
}

// ---------------------------------------------------------------------------------------------
// mdast builders

const text = (value: string): PhrasingContent => ({ type: "text", value });
const heading = (depth: 1 | 2 | 3, children: PhrasingContent[]): Heading => ({ type: "heading", depth, children });
const paragraph = (children: PhrasingContent[]): Paragraph => ({ type: "paragraph", children });
const rule = (): RootContent => ({ type: "thematicBreak" });

/** "**Label:** value" as phrasing nodes. */
function field(label: string, value: PhrasingContent[]): PhrasingContent[] {
  return [{ type: "strong", children: [text(`${label}:`)] }, text(" "), ...value];
}

/** Field lines in one paragraph, separated by hard breaks as in the original. */
function fieldParagraph(lines: PhrasingContent[][]): Paragraph | null {
  if (lines.length === 0) return null;
  return paragraph(lines.flatMap((line, index) => (index === 0 ? line : [{ type: "break" } as PhrasingContent, ...line])));
}

function list(ordered: boolean, items: ListItem[]): List {
  return { type: "list", ordered, start: ordered ? 1 : null, spread: false, children: items };
}

type FlowContent = ListItem["children"][number];
const FLOW_TYPES = new Set(["blockquote", "code", "definition", "footnoteDefinition", "heading", "html", "list", "paragraph", "table", "thematicBreak"]);
const isFlow = (node: RootContent): node is FlowContent => FLOW_TYPES.has(node.type);

function listItem(children: RootContent[], checked: boolean | null): ListItem {
  return { type: "listItem", spread: false, checked, children: children.filter(isFlow) };
}

/** Code spans around path-like words so file references read as in the original. */
function fileRefNodes(ref: string): PhrasingContent[] {
  // A reference with a comma only survives re-import as one code span.
  if (!/\s/.test(ref) || /[,;]/.test(ref)) return [{ type: "inlineCode", value: ref }];
  return ref
    .split(/(\s+)/)
    .filter(Boolean)
    .map((word): PhrasingContent => (word.includes("/") ? { type: "inlineCode", value: word } : text(word)));
}

function joinWith(parts: PhrasingContent[][], separator: string): PhrasingContent[] {
  return parts.flatMap((part, index) => (index === 0 ? part : [text(separator), ...part]));
}

// ---------------------------------------------------------------------------------------------
// Items

function itemHeading(item: ParsedItem, withKey: boolean): Heading {
  const label = withKey ? `${item.key}: ${item.title}` : item.title;
  if (item.category === "compliant") return heading(3, [text(`✅ ${label}`)]);
  if (isOpenStatus(item.status)) {
    return heading(3, [text(item.category === "critical_blocker" ? `${label} (BLOCKING)` : label)]);
  }
  // Closed items are struck through; outside "Not required" the heading also says why.
  const struck: PhrasingContent = { type: "delete", children: [text(label)] };
  if (item.category === "not_required") return heading(3, [struck]);
  return heading(3, [struck, text(item.status === "done" ? " ✅ DONE" : " ❌ NOT REQUIRED")]);
}

function itemNodes(item: ParsedItem, withKey: boolean): RootContent[] {
  const lines: PhrasingContent[][] = [];
  if (item.source) lines.push(field("Source", markdownToInline(item.source)));
  if (item.fileRefs.length > 0) {
    lines.push(field(item.fileRefs.length > 1 ? "Files" : "File", joinWith(item.fileRefs.map(fileRefNodes), ", ")));
  }
  if (item.effortText) lines.push(field("Effort", [text(item.effortText)]));
  lines.push(field("Status", markdownToInline(statusLine(item.status, item.latestResult, item.statusNote, item.category))));

  const nodes: RootContent[] = [itemHeading(item, withKey)];
  const fields = fieldParagraph(lines);
  if (fields) nodes.push(fields);
  nodes.push(...markdownToBlocks(item.description));
  if (item.actions.length > 0) {
    // A task list only when something is done, so untouched documents keep their numbered lists.
    const anyDone = item.actions.some((action) => action.done);
    nodes.push(
      paragraph([{ type: "strong", children: [text("Action Required:")] }]),
      list(
        !anyDone,
        item.actions.map((action) => listItem(markdownToBlocks(action.text), anyDone ? action.done : null)),
      ),
    );
  }
  return nodes;
}

/**
 * Compliant items are written without a key while their key is the one the parser would
 * generate (C-1, C-2… in order); any other key is written out so it survives a re-import.
 */
function categoryNodes(category: Category, items: readonly ParsedItem[]): RootContent[] {
  const nodes: RootContent[] = [heading(2, [text(SECTION_HEADINGS[category])])];
  let generated = 1;
  for (const item of items.filter((candidate) => candidate.category === category)) {
    let withKey = true;
    if (category === "compliant" && item.key === `C-${generated}`) {
      withKey = false;
      generated++;
    }
    nodes.push(...itemNodes(item, withKey), rule());
  }
  return nodes;
}

// ---------------------------------------------------------------------------------------------
// Summary and plan

function summaryTable(rows: ParsedSummaryRow[]): Table {
  const row = (cells: PhrasingContent[][]): TableRow => ({
    type: "tableRow",
    children: cells.map((children) => ({ type: "tableCell", children })),
  });
  return {
    type: "table",
    align: [null, null, null, null],
    children: [
      row([[text("Category")], [text("Status")], [text("Count")], [text("Effort")]]),
      ...rows.map((summary) =>
        row([
          [{ type: "strong", children: [text(summary.label)] }],
          [text(SUMMARY_STATUS[summary.category])],
          [text(`${summary.count ?? 0} ${summary.count === 1 ? "item" : "items"}`)],
          [text(summary.effortText ?? "-")],
        ]),
      ),
    ],
  };
}

function phaseNodes(phase: ParsedPhase): RootContent[] {
  const title = `Phase ${phase.order}: ${phase.name}${phase.estimateText ? ` (${phase.estimateText})` : ""}`;
  const nodes: RootContent[] = [heading(3, [text(title)])];
  if (phase.itemKeys.length > 0) nodes.push(paragraph(field("Blockers", [text(phase.itemKeys.join(", "))])));
  if (phase.tasks.length > 0) {
    const anyDone = phase.tasks.some((task) => task.done);
    nodes.push(
      list(
        true,
        phase.tasks.map((task) => {
          const lead: PhrasingContent[] = [{ type: "strong", children: [text(task.title)] }];
          if (task.estimateText) lead.push(text(` (${task.estimateText})`));
          const children: RootContent[] = [paragraph(lead)];
          if (task.details.length > 0) {
            children.push(list(false, task.details.map((detail) => listItem(markdownToBlocks(detail), null))));
          }
          return listItem(children, anyDone ? task.done : null);
        }),
      ),
    );
  }
  if (phase.deliverable) nodes.push(paragraph(field("Deliverable", markdownToInline(phase.deliverable))));
  nodes.push(rule());
  return nodes;
}

/** The backlog as a markdown document in the original layout. */
export function exportBacklogMarkdown(doc: ParsedBacklog): string {
  const children: RootContent[] = [
    heading(1, [text(doc.title)]),
    heading(2, [text("📊 Executive Summary")]),
    summaryTable(computeSummary(doc.items)),
    rule(),
    ...CATEGORIES.flatMap((category) => categoryNodes(category, doc.items)),
  ];
  if (doc.phases.length > 0) {
    children.push(heading(2, [text("🚀 Implementation Plan")]));
    for (const phase of [...doc.phases].sort((a, b) => a.order - b.order)) children.push(...phaseNodes(phase));
  }
  return stringifyMarkdown({ type: "root", children });
}
