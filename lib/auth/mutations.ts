import { randomBytes } from "node:crypto";
import { getDb } from "@/lib/db";

const SECRET_KEY = "auth_secret";

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
