import type { ListItem, PhrasingContent, RootContent } from "mdast";

import { joinLines, lineLabel, splitLines, type Line } from "./labelled-lines";
import { blocksToMarkdown, inlineToMarkdown } from "./markdown";
import type { Action } from "./schema";

// The blocks under an item heading mix "**Field:**" lines, an "Action Required" list and free
// text. Fields and actions are taken out; everything else stays, in order, as the description.

export type ItemBody = {
  source: PhrasingContent[] | null;
  files: PhrasingContent[] | null;
  effort: PhrasingContent[] | null;
  status: PhrasingContent[] | null;
  description: RootContent[];
  actions: Action[];
};

const FIELD_LABELS: Record<string, "source" | "files" | "effort" | "status"> = {
  source: "source",
  file: "files",
  files: "files",
  effort: "effort",
  status: "status",
};
const ACTION_LABELS = new Set(["action required", "actions required", "actions"]);

function actionsFromList(item: ListItem): Action | null {
  const text = blocksToMarkdown(item.children);
  return text ? { text, done: item.checked === true } : null;
}

/** Sorts an item's body into fields, actions and the rest (the description). */
export function readItemBody(nodes: RootContent[]): ItemBody {
  const body: ItemBody = { source: null, files: null, effort: null, status: null, description: [], actions: [] };
  for (let index = 0; index < nodes.length; index++) {
    const node = nodes[index] as RootContent;
    if (node.type === "thematicBreak") continue;
    if (node.type !== "paragraph") {
      body.description.push(node);
      continue;
    }
    const lines = splitLines(node);
    const kept: Line[] = [];
    lines.forEach((line, lineIndex) => {
      const labelled = lineLabel(line);
      const field = labelled ? FIELD_LABELS[labelled.label] : undefined;
      if (labelled && field && body[field] === null) {
        body[field] = labelled.rest;
        return;
      }
      if (labelled && ACTION_LABELS.has(labelled.label)) {
        const inline = inlineToMarkdown(labelled.rest);
        if (inline) body.actions.push({ text: inline, done: false });
        const next = nodes[index + 1];
        // The list right after "**Action Required:**" holds one action per top-level item.
        if (lineIndex === lines.length - 1 && next?.type === "list") {
          for (const item of next.children) {
            const action = actionsFromList(item);
            if (action) body.actions.push(action);
          }
          index++;
        }
        return;
      }
      kept.push(line);
    });
    if (kept.length === lines.length) body.description.push(node);
    else if (kept.length > 0) body.description.push(joinLines(kept));
  }
  return body;
}
