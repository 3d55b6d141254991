import type { Nodes, PhrasingContent, Root, RootContent } from "mdast";
import { toString } from "mdast-util-to-string";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkStringify, { type Options as StringifyOptions } from "remark-stringify";
import { unified } from "unified";

// Generic mdast ↔ markdown helpers. The parser and the exporter both go through these, so both
// sides serialise with the same options and a re-export is byte-identical.

export const STRINGIFY_OPTIONS: StringifyOptions = {
  bullet: "-",
  rule: "-",
  emphasis: "*",
  strong: "*",
  fences: true,
  listItemIndent: "one",
  incrementListMarker: true,
};

const reader = unified().use(remarkParse).use(remarkGfm);
const writer = unified().use(remarkStringify, STRINGIFY_OPTIONS).use(remarkGfm);

export function parseMarkdown(markdown: string): Root {
  return reader.parse(markdown);
}

export function stringifyMarkdown(root: Root): string {
  return writer.stringify(root);
}

/** Block nodes → markdown, without the trailing newline. */
export function blocksToMarkdown(nodes: RootContent[]): string {
  return nodes.length === 0 ? "" : stringifyMarkdown({ type: "root", children: nodes }).trim();
}

/** Inline nodes → markdown. Edge whitespace is dropped first, else it would be written as "&#x20;". */
export function inlineToMarkdown(nodes: PhrasingContent[]): string {
  const trimmed = trimPhrasing(nodes);
  if (trimmed.length === 0) return "";
  return blocksToMarkdown([{ type: "paragraph", children: trimmed }]);
}

export function markdownToBlocks(markdown: string): RootContent[] {
  return markdown.trim() ? parseMarkdown(markdown).children : [];
}

/** A one-paragraph markdown string → its inline nodes (anything else is kept as plain text). */
export function markdownToInline(markdown: string): PhrasingContent[] {
  const blocks = markdownToBlocks(markdown);
  const first = blocks[0];
  if (blocks.length === 1 && first?.type === "paragraph") return first.children;
  return markdown ? [{ type: "text", value: markdown }] : [];
}

/** A node's text with whitespace runs collapsed, as a reader sees it (headings, labels, cells). */
export function plain(value: Nodes | Nodes[]): string {
  return toString(value).replace(/\s+/g, " ").trim();
}

export function isBlank(node: PhrasingContent): boolean {
  return node.type === "break" || (node.type === "text" && node.value.trim() === "");
}

/** Drops blank nodes and whitespace at both ends of a run of inline nodes. */
export function trimPhrasing(nodes: PhrasingContent[]): PhrasingContent[] {
  const out = [...nodes];
  while (out[0] && isBlank(out[0])) out.shift();
  while (out.length > 0 && isBlank(out[out.length - 1] as PhrasingContent)) out.pop();
  const first = out[0];
  if (first?.type === "text") out[0] = { ...first, value: first.value.trimStart() };
  const lastIndex = out.length - 1;
  const last = out[lastIndex];
  if (last?.type === "text") out[lastIndex] = { ...last, value: last.value.trimEnd() };
  return out;
}

/** Depth-first, parents before children. */
export function walk(node: Nodes, visit: (node: Nodes) => void): void {
  visit(node);
  if ("children" in node) for (const child of node.children) walk(child, visit);
}
