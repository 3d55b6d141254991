import type { Nodes } from "mdast";
import { toString } from "mdast-util-to-string";
import { parseMarkdown } from "@/lib/backlog/markdown";
import { cutAtWord } from "@/lib/excerpt";

/** Containers of blocks (lists, quotes, tables) are walked, so their parts stay separate words. */
const CONTAINERS = new Set(["root", "list", "listItem", "blockquote", "table", "tableRow", "footnoteDefinition"]);

function blockTexts(node: Nodes): string[] {
  if (CONTAINERS.has(node.type) && "children" in node) return (node.children as Nodes[]).flatMap(blockTexts);
  return [toString(node)];
}

/**
 * A comment's opening words as plain text: markdown read as markdown (so `**x**` shows as "x" and
 * a link as its text), whitespace collapsed, cut at a word boundary with an ellipsis past `max`.
 */
export function commentExcerpt(markdown: string, max = 160): string {
  const text = blockTexts(parseMarkdown(markdown.slice(0, max * 8)))
    .join(" ")
    .replace(/\s+/g, " ")
    .trim();
  return cutAtWord(text, max);
}
