import { rolePhrasesIn } from "@/lib/components/roles";
import { checkNamesOf } from "./check-names";
import { imageRefsOf } from "./image-refs";
import type { ItemContent, RawItem } from "./parse-item";
import { CATEGORIES, type Category, type ParsedItem, type Priority } from "./schema";
import { CATEGORY_NAMES } from "./split-sections";

// What needs every item at once: generated keys, duplicates and the final order.

const PRIORITY_KEY = /^(P[0-3])-/;

/** What the importer reads off one item's text: the checks it names or states, the component roles its heading names. */
export function derivedFields(item: ItemContent): Pick<ParsedItem, "checkNames" | "componentHints" | "impliedRefs"> {
  return { checkNames: checkNamesOf(item), componentHints: rolePhrasesIn(item.title), impliedRefs: [] };
}

/**
 * Keys, de-duplication and order. Keyless compliant items get C-1, C-2… in document order
 * (skipping keys the document uses), so a re-import matches them again. An item listed twice
 * keeps its later occurrence (the document's own section for it), with a warning. Items are
 * ordered by category, then document order, which is the order the exporter writes.
 */
export function finishItems(raw: RawItem[], warnings: string[]): ParsedItem[] {
  const explicit = new Set(raw.flatMap((item) => (item.key ? [item.key] : [])));
  let next = 1;
  const byKey = new Map<string, { category: Category; item: ParsedItem }>();
  for (const { key: writtenKey, category, content } of raw) {
    let key = writtenKey;
    if (key === null) {
      while (explicit.has(`C-${next}`)) next++;
      key = `C-${next++}`;
    }
    const full: ItemContent = { key, priority: (PRIORITY_KEY.exec(key)?.[1] as Priority | undefined) ?? null, ...content };
    const item: ParsedItem = { ...full, imageRefs: imageRefsOf(full), ...derivedFields(full) };
    const earlier = byKey.get(key);
    if (earlier) {
      warnings.push(
        `${key} is listed twice (under ${CATEGORY_NAMES[earlier.category]} and ${CATEGORY_NAMES[category]}); merged into one item under ${CATEGORY_NAMES[category]}.`,
      );
      byKey.delete(key);
    }
    byKey.set(key, { category, item });
  }
  const items = [...byKey.values()].map(({ item }) => item);
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => CATEGORIES.indexOf(a.item.category) - CATEGORIES.indexOf(b.item.category) || a.index - b.index)
    .map(({ item }) => item);
}
