import "server-only";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { findProduct } from "@/lib/products/data";
import type { ComponentSummary } from "./schema";

/** Every component of a product, by slug. */
export async function listComponents(productSlug?: string): Promise<ComponentSummary[]> {
  const product = await findProduct(productSlug);
  if (!product) {
    if (productSlug) throw new AppError("not_found", `No product "${productSlug}".`);
    return [];
  }
  const rows = await getDb().component.findMany({
    where: { productId: product.id },
    orderBy: { slug: "asc" },
    select: {
      slug: true,
      name: true,
      type: true,
      role: true,
      registry: true,
      repository: true,
      imageRef: true,
      placeholder: true,
      certificationStatus: true,
      hostAccess: true,
      osContentType: true,
      connectProjectId: true,
      owner: true,
      tags: { orderBy: { name: "asc" }, select: { name: true } },
    },
  });
  return rows.map(({ tags, ...c }) => ({ ...c, tags: tags.map((t) => t.name) }));
}
