import { CHECK_NAMES, checksMeantBy } from "@/lib/requirements/check-meaning";
import type { ParsedItem } from "./schema";

// The preflight checks an item is about, so an item can be linked to the check whose result proves
// it done (or, when it regresses, reopens it): every check named literally anywhere in the item, and
// for compliant items also the checks their heading states in words ("UBI Base Image Usage").

type ItemText = Pick<ParsedItem, "title" | "category" | "source" | "fileRefs" | "statusNote" | "description" | "actions">;

export function checkNamesOf(item: ItemText): string[] {
  const text = [item.title, item.source, ...item.fileRefs, item.statusNote, item.description]
    .concat(item.actions.map((action) => action.text))
    .join("\n");
  const named = CHECK_NAMES.filter((name) => new RegExp(`\\b${name}\\b`).test(text));
  const meant = item.category === "compliant" ? checksMeantBy(item.title) : [];
  return [...new Set([...named, ...meant])];
}
