import type { ListItem } from "mdast";

import { parseEffort } from "./effort";
import { lineLabel, splitLines } from "./labelled-lines";
import { blocksToMarkdown, inlineToMarkdown, plain, trimPhrasing } from "./markdown";
import type { ParsedPhase, PhaseTask } from "./schema";
import type { Block } from "./split-sections";
import { LEADING_SYMBOLS } from "./status-map";

// The implementation plan: "### Phase N: Name (estimate)" blocks, each with a numbered task list,
// a "**Blockers:**" line naming the items it closes and a "**Deliverable:**" line.

const PHASE_HEADING = /^phase\s+(\d+)\s*[:.\-–—]?\s*(.*)$/i;
const KEY_MENTION = /\b[A-Z][A-Z0-9]*-\d+\b/g;

/** "1. **Rebuild Published Image** (15 minutes)" with nested bullets → a task. */
function readTask(item: ListItem): PhaseTask | null {
  const [first, ...rest] = item.children;
  let title = "";
  let estimateText: string | null = null;
  if (first?.type === "paragraph") {
    const nodes = trimPhrasing(first.children);
    const lead = nodes[0];
    const strongText = lead?.type === "strong" ? plain(lead) : "";
    let after = plain(lead?.type === "strong" ? nodes.slice(1) : nodes);
    const estimate = /^(.*?)\s*\(([^()]+)\)$/.exec(after);
    // Without bold, only a parenthesis that reads as an effort is taken as the estimate.
    if (estimate?.[2] && (strongText || parseEffort(estimate[2]))) {
      after = estimate[1] ?? "";
      estimateText = estimate[2].trim();
    }
    title = [strongText, after].filter(Boolean).join(" ");
  }
  const details = (first?.type === "paragraph" ? rest : item.children).flatMap((node) =>
    node.type === "list" ? node.children.map((child) => blocksToMarkdown(child.children)) : [blocksToMarkdown([node])],
  );
  if (!title) return null;
  return { title, estimateText, details: details.filter(Boolean), done: item.checked === true };
}

/** A "Phase N" block → the phase; any other H3 in the plan section → null. */
export function readPhase(block: Block): ParsedPhase | null {
  const match = PHASE_HEADING.exec(plain(block.heading).replace(LEADING_SYMBOLS, ""));
  if (!match?.[1]) return null;
  const order = Number(match[1]);
  let name = (match[2] ?? "").trim();
  let estimateText: string | null = null;
  const estimate = /^(.*?)\s*\(([^()]*)\)$/.exec(name);
  if (estimate) {
    name = estimate[1] ?? "";
    estimateText = estimate[2]?.trim() || null;
  }
  const phase: ParsedPhase = { key: `phase-${order}`, order, name, estimateText, deliverable: null, tasks: [], itemKeys: [] };
  for (const node of block.nodes) {
    if (node.type === "list") {
      phase.tasks.push(...node.children.flatMap((item) => readTask(item) ?? []));
    } else if (node.type === "paragraph") {
      for (const line of splitLines(node)) {
        const labelled = lineLabel(line);
        if (labelled?.label === "blockers") {
          phase.itemKeys = [...new Set(plain(labelled.rest).match(KEY_MENTION) ?? [])];
        } else if (labelled?.label === "deliverable") {
          phase.deliverable = inlineToMarkdown(labelled.rest) || null;
        }
      }
    }
  }
  return phase;
}
