import "server-only";
import { getDb } from "@/lib/db";

export type TokenView = {
  id: string;
  name: string;
  prefix: string;
  role: string;
  owner: string | null;
  /** Product slugs it is limited to; empty: every product its owner may see. */
  products: string[];
  createdBy: string;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
  state: "active" | "expired" | "revoked";
};

/** Tokens a person may see: their own, or every token for admins. Never the hash. */
export async function listApiTokens(scope: { userId: string } | "all"): Promise<TokenView[]> {
  const rows = await getDb().apiToken.findMany({
    where: scope === "all" ? {} : { userId: scope.userId },
    orderBy: { createdAt: "desc" },
    include: { user: { select: { email: true } }, products: { select: { product: { select: { slug: true } } } } },
  });
  const now = Date.now();
  return rows.map((t) => ({
    id: t.id,
    name: t.name,
    prefix: t.prefix,
    role: t.role,
    owner: t.user?.email ?? null,
    products: t.products.map((p) => p.product.slug).sort(),
    createdBy: t.createdBy,
    createdAt: t.createdAt.toISOString(),
    expiresAt: t.expiresAt?.toISOString() ?? null,
    revokedAt: t.revokedAt?.toISOString() ?? null,
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
    state: t.revokedAt ? "revoked" : t.expiresAt && t.expiresAt.getTime() <= now ? "expired" : "active",
  }));
}
