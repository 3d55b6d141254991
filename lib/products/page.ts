import "server-only";
import { notFound } from "next/navigation";
import type { Principal } from "@/lib/auth/schema";
import { findProductFor } from "@/lib/products/data";

// The page-side door of product access (lib/products/data.ts): Next's not-found page instead of an
// AppError. Kept apart so the CLI, which shares data.ts, never loads next/navigation.

/**
 * For pages: the slug of the product the page shows for `principal` (the first they may see when
 * none is named), undefined when there is no product yet (pages show their empty state), and the
 * not-found page for a product that does not exist for them.
 */
export async function pageProduct(principal: Principal, slug: string | undefined): Promise<string | undefined> {
  const product = await findProductFor(principal, slug);
  if (product) return product.slug;
  if (slug) notFound();
  return undefined;
}
