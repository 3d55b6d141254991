import type { Actor, Principal, TokenRole } from "@/lib/auth/schema";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { generateToken } from "@/lib/auth/token";

export type CreatedToken = { id: string; name: string; prefix: string; role: TokenRole; expiresAt: string | null; token: string };

/**
 * Creates a token and returns its secret: the only time anyone sees it. `productIds` limits it to
 * those products (already checked visible to its owner by the door); empty: unscoped.
 */
export async function createApiToken(input: {
  name: string;
  role: TokenRole;
  expiresAt: Date | null;
  userId: string | null;
  productIds?: string[];
  actor: Actor;
}): Promise<CreatedToken> {
  const { token, prefix, hash } = generateToken();
  const productIds = [...new Set(input.productIds ?? [])];
  const row = await getDb().apiToken.create({
    data: {
      name: input.name,
      role: input.role,
      prefix,
      hash,
      expiresAt: input.expiresAt,
      userId: input.userId,
      createdBy: input.actor.name,
      products: { create: productIds.map((productId) => ({ productId })) },
    },
  });
  return { id: row.id, name: row.name, prefix, role: row.role, expiresAt: row.expiresAt?.toISOString() ?? null, token };
}

/** Revokes a token. People may revoke their own; admins any. Revoking twice is harmless. */
export async function revokeApiToken(input: { id: string; principal: Principal; mayRevokeAll: boolean }): Promise<void> {
  const userId = input.principal.kind === "user" ? input.principal.id : null;
  const where = input.mayRevokeAll ? { id: input.id } : { id: input.id, userId: userId ?? "00000000-0000-0000-0000-000000000000" };
  const token = await getDb().apiToken.findFirst({ where, select: { id: true, revokedAt: true } });
  if (!token) throw new AppError("not_found", "No such token.");
  if (!token.revokedAt) await getDb().apiToken.update({ where: { id: token.id }, data: { revokedAt: new Date() } });
}
