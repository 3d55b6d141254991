import type { Paragraph, PhrasingContent } from "mdast";

import { isBlank, plain, trimPhrasing } from "./markdown";

// Item fields and phase fields are written one per line in a paragraph ("**Source:** x",
// hard break, "**Effort:** y"), so a paragraph is read line by line and each line may carry a label.

export type Line = { nodes: PhrasingContent[]; separator: PhrasingContent | null };

/** A paragraph's lines, split at hard breaks and soft line endings. */
export function splitLines(paragraph: Paragraph): Line[] {
  const lines: Line[] = [];
  let current: PhrasingContent[] = [];
  for (const child of paragraph.children) {
    if (child.type === "break") {
      lines.push({ nodes: current, separator: child });
      current = [];
    } else if (child.type === "text" && child.value.includes("\n")) {
      const parts = child.value.split("\n");
      parts.forEach((part, index) => {
        if (index > 0) {
          lines.push({ nodes: current, separator: { type: "text", value: "\n" } });
          current = [];
        }
        if (part) current.push({ type: "text", value: part });
      });
    } else {
      current.push(child);
    }
  }
  lines.push({ nodes: current, separator: null });
  return lines.filter((line) => line.nodes.some((node) => !isBlank(node)));
}

/** The inverse of splitLines for the lines that were not fields, keeping their original separators. */
export function joinLines(lines: Line[]): Paragraph {
  const children: PhrasingContent[] = [];
  lines.forEach((line, index) => {
    children.push(...line.nodes);
    if (index < lines.length - 1) children.push(line.separator ?? { type: "break" });
  });
  return { type: "paragraph", children };
}

export type Labelled = { label: string; rest: PhrasingContent[] };

/** "**Source:** x" (or "**Source**: x") → { label: "source", rest: [x] }. */
export function lineLabel(line: Line): Labelled | null {
  const nodes = trimPhrasing(line.nodes);
  const [first, second, ...others] = nodes;
  if (first?.type !== "strong") return null;
  const strongText = plain(first);
  if (strongText.endsWith(":")) {
    return { label: normaliseLabel(strongText.slice(0, -1)), rest: nodes.slice(1) };
  }
  if (second?.type === "text" && second.value.startsWith(":")) {
    return { label: normaliseLabel(strongText), rest: [{ ...second, value: second.value.slice(1) }, ...others] };
  }
  return null;
}

function normaliseLabel(label: string): string {
  return label.trim().toLowerCase().replace(/\s+/g, " ");
}
