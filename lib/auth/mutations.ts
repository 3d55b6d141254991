import { randomBytes } from "node:crypto";
import type { Principal, TokenRole, UserRole } from "@/lib/auth/schema";
import { generateSetupCode } from "@/lib/auth/setup-code";
import { hashToken, tokenPrefix } from "@/lib/auth/token";
import { getDb } from "@/lib/db";
import { overLimitSql, type Limit } from "@/lib/rate-limit/mutations";

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

type TokenRow = { retry: number | null; id: string | null; name: string; role: TokenRole; userId: string | null; ownerRole: UserRole | null; productIds: string[] };

/** A bearer token's check: the principal it stands for (null: no valid token), or, for a client over its failure limit, how long to wait. */
export type TokenCheck = { principal: Extract<Principal, { kind: "token" }> | null; retryAfterSeconds: number | null };

/**
 * The principal a bearer token stands for, or null. One statement checks that the client is not
 * over its limit of failed tokens (`failures`: then no token is checked and nothing is stamped),
 * the hash, revocation, expiry and that its owner (if any) is still active, reads the owner's role
 * as it is now and the products the token is scoped to, and stamps when it was last used.
 */
export async function authenticateApiToken(raw: string, failures: { key: string } & Limit): Promise<TokenCheck> {
  // Anything that is not one of our tokens matches no row (prefixes are 8 characters), but the limit is still checked.
  const prefix = tokenPrefix(raw) ?? "";
  const rows = await getDb().$queryRaw<TokenRow[]>`
    WITH "limited" AS (${overLimitSql(failures.key, failures)}),
    "token" AS (
      UPDATE "ApiToken" t SET "lastUsedAt" = now()
      WHERE t."prefix" = ${prefix} AND t."hash" = ${hashToken(raw)} AND t."revokedAt" IS NULL
        AND (t."expiresAt" IS NULL OR t."expiresAt" > now())
        AND (t."userId" IS NULL OR EXISTS (SELECT 1 FROM "User" u WHERE u."id" = t."userId" AND u."active"))
        AND NOT EXISTS (SELECT 1 FROM "limited")
      RETURNING t."id", t."name", t."role"::text AS "role", t."userId",
        (SELECT u."role"::text FROM "User" u WHERE u."id" = t."userId") AS "ownerRole",
        ARRAY(SELECT s."productId"::text FROM "ApiTokenProduct" s WHERE s."tokenId" = t."id") AS "productIds"
    )
    SELECT (SELECT "retry" FROM "limited" LIMIT 1) AS "retry", "token".* FROM (SELECT 1) AS "one" LEFT JOIN "token" ON true`;
  const row = rows[0];
  if (row?.retry != null) return { principal: null, retryAfterSeconds: row.retry };
  if (!row?.id) return { principal: null, retryAfterSeconds: null };
  const productIds = row.productIds.length > 0 ? row.productIds : null;
  return { principal: { kind: "token", id: row.id, name: row.name, prefix, role: row.role, userId: row.userId, ownerRole: row.ownerRole, productIds }, retryAfterSeconds: null };
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
