import type { Heading } from "mdast";

import { trailingPictographStatus } from "@/lib/linear-text";
import { plain } from "./markdown";
import { LEADING_SYMBOLS, mapStatusLine } from "./status-map";

// An item heading carries more than its title: "### ~~P0-1: Foo~~ ✅ DONE" gives the key, the
// title, and a status (struck through, with the words after it).

export type ItemHeading = { key: string | null; title: string; struck: boolean; suffix: string | null };

const ITEM_KEY = /^([A-Z][A-Z0-9]*-\d+)\s*:\s*/;

/** Splits "Foo ✅ DONE" into title and status suffix (only when an emoji precedes the words). */
function splitTrailingStatus(text: string): { text: string; suffix: string | null } {
  const match = trailingPictographStatus(text);
  if (!match) return { text, suffix: null };
  const info = mapStatusLine(match.status);
  if (!info || info.note !== null) return { text, suffix: null };
  return { text: text.slice(0, match.index), suffix: match.status.trim() };
}

export function readItemHeading(heading: Heading): ItemHeading {
  const children = heading.children;
  const lastDelete = children.map((child) => child.type).lastIndexOf("delete");
  const struck = lastDelete >= 0;
  let text = plain(struck ? children.slice(0, lastDelete + 1) : children).replace(LEADING_SYMBOLS, "");
  let suffix = struck ? plain(children.slice(lastDelete + 1)) || null : null;
  if (!struck) ({ text, suffix } = splitTrailingStatus(text));
  const keyMatch = ITEM_KEY.exec(text);
  if (keyMatch) text = text.slice(keyMatch[0].length);
  // "(BLOCKING)" is derived from category + status; the exporter writes it back.
  const title = text.replace(/\s*\(BLOCKING\)\s*$/i, "").trim();
  return { key: keyMatch?.[1] ?? null, title, struck, suffix };
}
