import { z } from "zod";

// Validated once at first use; every server-side reader of configuration goes through here.
const envSchema = z.object({
  DATABASE_URL: z
    .string({ error: "DATABASE_URL is not set: start through `npm start` (embedded PostgreSQL) or set it" })
    .url("DATABASE_URL must be a postgres:// URL"),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  CERTBOARD_DB_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  /** Minutes between syncs with Red Hat's catalog (0: only when asked). */
  CERTBOARD_PYXIS_SYNC_MINUTES: z.coerce.number().int().min(0, "CERTBOARD_PYXIS_SYNC_MINUTES: 0 (off) to 60").max(60, "CERTBOARD_PYXIS_SYNC_MINUTES: 0 (off) to 60").default(30),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

export function getEnv(): Env {
  cached ??= envSchema.parse(process.env);
  return cached;
}
