import type { PhrasingContent } from "mdast";
import { toString } from "mdast-util-to-string";

import { parseEffort } from "./effort";
import { readItemBody } from "./item-body";
import { readItemHeading, type ItemHeading } from "./item-heading";
import { blocksToMarkdown, inlineToMarkdown, plain } from "./markdown";
import { STATUS_LABELS, type Category, type ParsedItem } from "./schema";
import type { Block } from "./split-sections";
import { mapStatusLine, statusFieldsFromLine, type StatusFields } from "./status-map";

// One item block (heading plus body) → the item's fields. Keys, priorities, image references and
// check names need the whole document or the finished fields, so finishItems adds them later.

export type ItemContent = Omit<ParsedItem, "imageRefs" | "checkNames" | "componentHints" | "impliedRefs">;
export type RawItem = { key: string | null; category: Category; content: Omit<ItemContent, "key" | "priority"> };

/** "`Dockerfile`, `a.go:1-2`" → ["Dockerfile", "a.go:1-2"]; commas inside code spans do not split. */
function readFileRefs(nodes: PhrasingContent[]): string[] {
  const refs: string[] = [];
  let current = "";
  for (const node of nodes) {
    if (node.type !== "text") {
      current += toString(node);
      continue;
    }
    node.value.split(/[,;]/).forEach((part, index) => {
      if (index > 0) {
        refs.push(current);
        current = "";
      }
      current += part;
    });
  }
  refs.push(current);
  return refs.map((ref) => ref.replace(/\s+/g, " ").trim()).filter(Boolean);
}

/** Status when the item has no (readable) **Status:** line. */
function fallbackStatus(heading: ItemHeading, category: Category): StatusFields {
  const fromSuffix = heading.suffix ? mapStatusLine(heading.suffix) : null;
  if (fromSuffix) return { status: fromSuffix.status, latestResult: fromSuffix.latestResult, statusNote: null };
  if (heading.struck) return { status: category === "not_required" ? "wont_do" : "done", latestResult: null, statusNote: null };
  return { status: category === "compliant" ? "done" : "not_started", latestResult: null, statusNote: null };
}

export function readItem(block: Block, category: Category, warnings: string[]): RawItem {
  const heading = readItemHeading(block.heading);
  const body = readItemBody(block.nodes);
  const name = heading.key ?? heading.title;

  let status = fallbackStatus(heading, category);
  if (body.status) {
    const line = inlineToMarkdown(body.status);
    const fromLine = statusFieldsFromLine(line, category);
    if (fromLine) status = fromLine;
    else {
      warnings.push(`${name}: status "${line}" not recognised; read as ${STATUS_LABELS[status.status]}.`);
      status = { ...status, statusNote: line || null };
    }
  }
  if (heading.struck && !["done", "wont_do"].includes(status.status)) {
    const said = STATUS_LABELS[status.status];
    warnings.push(`${name}: heading is struck through but the status line says ${said}; kept ${said}.`);
  }

  const effortText = body.effort ? plain(body.effort) || null : null;
  const effort = parseEffort(effortText);
  return {
    key: heading.key,
    category,
    content: {
      title: heading.title || heading.key || "",
      category,
      ...status,
      source: body.source ? inlineToMarkdown(body.source) || null : null,
      fileRefs: body.files ? readFileRefs(body.files) : [],
      effortText,
      effortMinHours: effort?.min ?? null,
      effortMaxHours: effort?.max ?? null,
      description: blocksToMarkdown(body.description),
      actions: body.actions,
    },
  };
}
