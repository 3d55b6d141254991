import "server-only";
import { getDb } from "@/lib/db";
import { peopleWhoSee } from "@/lib/products/data";

export type UserView = { id: string; email: string; name: string; role: string; active: boolean; createdAt: string };

export async function listUsers(): Promise<UserView[]> {
  const rows = await getDb().user.findMany({ orderBy: [{ active: "desc" }, { email: "asc" }] });
  return rows.map((u) => ({ id: u.id, email: u.email, name: u.name, role: u.role, active: u.active, createdAt: u.createdAt.toISOString() }));
}

export async function findActiveUserId(email: string): Promise<string | null> {
  const user = await getDb().user.findUnique({ where: { email: email.trim().toLowerCase() }, select: { id: true, active: true } });
  return user?.active ? user.id : null;
}

/** People an item of the product may be assigned to: active, and members (or admins) when the product is restricted. */
export async function listAssignees(productSlug: string): Promise<{ id: string; name: string; email: string }[]> {
  const product = await getDb().product.findUnique({ where: { slug: productSlug }, select: { id: true, restricted: true } });
  if (!product) return [];
  return getDb().user.findMany({
    where: peopleWhoSee(product),
    select: { id: true, name: true, email: true },
    orderBy: [{ name: "asc" }, { email: "asc" }],
  });
}
