import { componentUrl, overviewUrl } from "@/lib/overview/urls";

/**
 * Where a requirement's evidence is shown: the matrix row on the board of the first component of
 * its type (the caller lists the item's own components first), or, for the listing's own
 * requirements and types the product has no component of, the overview's readiness.
 */
export function requirementHref(requirement: { code: string; scope: string }, components: { slug: string; type: string }[], product: string): string {
  const board = requirement.scope === "product" ? undefined : components.find((c) => c.type === requirement.scope);
  if (board) return `${componentUrl(board.slug, product)}#requirement-${encodeURIComponent(requirement.code)}`;
  return `${overviewUrl({ product })}#${requirement.scope === "product" ? "listing-requirements" : "what-remains"}`;
}
