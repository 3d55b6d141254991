import "server-only";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";

export type ProductRef = { id: string; slug: string; name: string };

/** The product a read targets: by slug, else the default product (the first one created). */
export async function findProduct(slug?: string): Promise<ProductRef | null> {
  const select = { id: true, slug: true, name: true } as const;
  const db = getDb();
  return slug
    ? db.product.findUnique({ where: { slug }, select })
    : db.product.findFirst({ orderBy: [{ createdAt: "asc" }, { id: "asc" }], select });
}

export async function getProduct(slug?: string): Promise<ProductRef> {
  const product = await findProduct(slug);
  if (!product) {
    throw new AppError("not_found", slug ? `No product "${slug}".` : "No product exists yet: import a backlog first.");
  }
  return product;
}

export async function listProducts(): Promise<ProductRef[]> {
  return getDb().product.findMany({
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, slug: true, name: true },
  });
}
