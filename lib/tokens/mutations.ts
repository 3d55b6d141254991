import type { Actor, Principal, TokenRole } from "@/lib/auth/schema";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { generateToken, hashToken, tokenPrefix } from "@/lib/tokens/token";

export type CreatedToken = { id: string; name: string; prefix: string; role: TokenRole; expiresAt: string | null; token: string };

/** Creates a token and returns its secret: the only time anyone sees it. */
export async function createApiToken(input: {
  name: string;
  role: TokenRole;
  expiresAt: Date | null;
  userId: string | null;
  actor: Actor;
}): Promise<CreatedToken> {
  const { token, prefix, hash } = generateToken();
  const row = await getDb().apiToken.create({
    data: { name: input.name, role: input.role, prefix, hash, expiresAt: input.expiresAt, userId: input.userId, createdBy: input.actor.name },
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

/**
 * The principal a bearer token stands for, or null. One statement checks hash, revocation, expiry
 * and that its owner (if any) is still active, and stamps when it was last used.
 */
export async function authenticateApiToken(raw: string): Promise<Extract<Principal, { kind: "token" }> | null> {
  const prefix = tokenPrefix(raw);
  if (!prefix) return null;
  const rows = await getDb().$queryRaw<{ id: string; name: string; role: TokenRole; userId: string | null }[]>`
    UPDATE "ApiToken" t SET "lastUsedAt" = now()
    WHERE t."prefix" = ${prefix} AND t."hash" = ${hashToken(raw)} AND t."revokedAt" IS NULL
      AND (t."expiresAt" IS NULL OR t."expiresAt" > now())
      AND (t."userId" IS NULL OR EXISTS (SELECT 1 FROM "User" u WHERE u."id" = t."userId" AND u."active"))
    RETURNING t."id", t."name", t."role"::text AS "role", t."userId"`;
  const row = rows[0];
  return row ? { kind: "token", id: row.id, name: row.name, prefix, role: row.role, userId: row.userId } : null;
}
