import type { Heading, Root, RootContent } from "mdast";

import { plain } from "./markdown";
import type { Category } from "./schema";

// The document's outline: the H1 is the title, H2 headings open sections (a category, the
// executive summary, the implementation plan), H3 headings open blocks (items, phases).

export type Block = { heading: Heading; nodes: RootContent[] };
export type SectionKind = { type: "category"; category: Category } | { type: "summary" } | { type: "plan" } | { type: "other" };
export type Section = { kind: SectionKind; nodes: RootContent[]; blocks: Block[] };

/** The category a section heading or summary label names, e.g. "🔴 CRITICAL BLOCKERS (…)". */
export function categoryFromText(text: string): Category | null {
  const upper = text.toUpperCase();
  if (/NOT\s+REQUIRED/.test(upper)) return "not_required";
  if (/BLOCKER/.test(upper)) return "critical_blocker";
  if (/VERIFICATION|VERIFY/.test(upper)) return "needs_verification";
  if (/COMPLIANT/.test(upper)) return "compliant";
  return null;
}

function sectionKind(heading: Heading): SectionKind {
  const text = plain(heading);
  if (/\bSUMMARY\b/i.test(text)) return { type: "summary" };
  if (/\bIMPLEMENTATION\s+PLAN\b/i.test(text)) return { type: "plan" };
  const category = categoryFromText(text);
  return category ? { type: "category", category } : { type: "other" };
}

/** H2 headings open sections, H3 headings open blocks (items, phases); deeper headings are content. */
export function splitSections(root: Root): { title: string | null; sections: Section[] } {
  let title: string | null = null;
  const sections: Section[] = [];
  let section: Section | null = null;
  let block: Block | null = null;
  for (const node of root.children) {
    if (node.type === "heading" && node.depth <= 3) {
      if (node.depth === 1) {
        title ??= plain(node);
        section = null;
        block = null;
      } else if (node.depth === 2) {
        section = { kind: sectionKind(node), nodes: [], blocks: [] };
        sections.push(section);
        block = null;
      } else if (section) {
        block = { heading: node, nodes: [] };
        section.blocks.push(block);
      }
      continue;
    }
    if (block) block.nodes.push(node);
    else section?.nodes.push(node);
  }
  return { title, sections };
}

/** Category sections as warnings name them. */
export const CATEGORY_NAMES: Record<Category, string> = {
  critical_blocker: "Critical blockers",
  needs_verification: "Needs verification",
  not_required: "Not required",
  compliant: "Compliant",
};
