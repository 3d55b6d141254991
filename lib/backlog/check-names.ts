import type { ParsedItem } from "./schema";

// The preflight checks an item mentions by name, so an item can be linked to the check whose
// result proves it done.

export const PREFLIGHT_CHECK_NAMES = [
  "HasLicense",
  "HasNoProhibitedLabels",
  "HasUniqueTag",
  "LayerCountAcceptable",
  "HasNoProhibitedPackages",
  "RunAsNonRoot",
  "BasedOnUbi",
  "HasModifiedFiles",
  "HasRequiredLabel",
  "HasProhibitedContainerName",
] as const;

type ItemText = Pick<ParsedItem, "title" | "source" | "fileRefs" | "statusNote" | "description" | "actions">;

export function checkNamesOf(item: ItemText): string[] {
  const text = [item.title, item.source, ...item.fileRefs, item.statusNote, item.description]
    .concat(item.actions.map((action) => action.text))
    .join("\n");
  return PREFLIGHT_CHECK_NAMES.filter((name) => new RegExp(`\\b${name}\\b`).test(text));
}
