import { randomBytes } from "node:crypto";
import type { Principal, TokenRole, UserRole } from "@/lib/auth/schema";
import { generateSetupCode } from "@/lib/auth/setup-code";
import { hashToken, tokenPrefix } from "@/lib/auth/token";
import { getDb } from "@/lib/db";

const SECRET_KEY = "auth_secret";
export const SETUP_CODE_KEY = "setup_code";

/**
 * The secret that signs session cookies. BETTER_AUTH_SECRET wins; otherwise one is generated on
 * first use and kept in the database, so every server process (and a restart) shares it with no setup.
 */
export async function ensureAuthSecret(): Promise<string> {
  const fromEnv = process.env.BETTER_AUTH_SECRET;
  if (fromEnv) return fromEnv;
  const db = getDb();
  await db.appSetting.createMany({ data: [{ key: SECRET_KEY, value: randomBytes(32).toString("base64url") }], skipDuplicates: true });
  const row = await db.appSetting.findUniqueOrThrow({ where: { key: SECRET_KEY } });
  return row.value;
}

type TokenRow = { id: string; name: string; role: TokenRole; userId: string | null; ownerRole: UserRole | null; productIds: string[] };

/**
 * The principal a bearer token stands for, or null. One statement checks hash, revocation, expiry
 * and that its owner (if any) is still active, reads the owner's role as it is now and the products
 * the token is scoped to, and stamps when it was last used.
 */
export async function authenticateApiToken(raw: string): Promise<Extract<Principal, { kind: "token" }> | null> {
  const prefix = tokenPrefix(raw);
  if (!prefix) return null;
  const rows = await getDb().$queryRaw<TokenRow[]>`
    UPDATE "ApiToken" t SET "lastUsedAt" = now()
    WHERE t."prefix" = ${prefix} AND t."hash" = ${hashToken(raw)} AND t."revokedAt" IS NULL
      AND (t."expiresAt" IS NULL OR t."expiresAt" > now())
      AND (t."userId" IS NULL OR EXISTS (SELECT 1 FROM "User" u WHERE u."id" = t."userId" AND u."active"))
    RETURNING t."id", t."name", t."role"::text AS "role", t."userId",
      (SELECT u."role"::text FROM "User" u WHERE u."id" = t."userId") AS "ownerRole",
      ARRAY(SELECT s."productId"::text FROM "ApiTokenProduct" s WHERE s."tokenId" = t."id") AS "productIds"`;
  const row = rows[0];
  if (!row) return null;
  const productIds = row.productIds.length > 0 ? row.productIds : null;
  return { kind: "token", id: row.id, name: row.name, prefix, role: row.role, userId: row.userId, ownerRole: row.ownerRole, productIds };
}

/**
 * The one-time first-run setup code, made on first use and shared by every process through the
 * database; null once setup is done (the code is deleted with the setup that used it).
 */
export async function ensureSetupCode(): Promise<string | null> {
  const db = getDb();
  if ((await db.setupState.count()) > 0) return null;
  await db.appSetting.createMany({ data: [{ key: SETUP_CODE_KEY, value: generateSetupCode() }], skipDuplicates: true });
  return (await db.appSetting.findUniqueOrThrow({ where: { key: SETUP_CODE_KEY } })).value;
}
