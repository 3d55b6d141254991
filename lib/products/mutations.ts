import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";

export const DEFAULT_PRODUCT_SLUG = "default";
/** A product slug: lowercase letters and digits in dash-separated words, at most 60 characters. */
const PRODUCT_SLUG = /^(?=.{1,60}$)[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * The product a write targets: the one named by slug, else the default product (the first one
 * created). With `create`, a missing product is created instead of refused (imports do this).
 */
export async function resolveProductForWrite(
  tx: Tx,
  slug: string | undefined,
  create?: { name: string },
): Promise<{ id: string; slug: string; name: string }> {
  const select = { id: true, slug: true, name: true } as const;
  const found = slug
    ? await tx.product.findUnique({ where: { slug }, select })
    : await tx.product.findFirst({ orderBy: [{ createdAt: "asc" }, { id: "asc" }], select });
  if (found) return found;
  if (!create) {
    throw new AppError("not_found", slug ? `No product "${slug}".` : "No product exists yet: import a backlog first.");
  }
  const newSlug = slug ?? DEFAULT_PRODUCT_SLUG;
  if (!PRODUCT_SLUG.test(newSlug)) {
    throw new AppError("invalid", `Product slug "${newSlug}" must be lowercase letters, digits and dashes.`);
  }
  return tx.product.create({ data: { slug: newSlug, name: create.name }, select });
}
