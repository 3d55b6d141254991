import "server-only";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { getDb } from "@/lib/db";

/** True when the database answers a trivial query within the pool's connection timeout. */
export async function pingDatabase(): Promise<boolean> {
  try {
    await getDb().$queryRaw`SELECT 1`;
    return true;
  } catch {
    return false;
  }
}

/** What `GET /api/health?ready=1` reports: ready to serve when the database answers and has every migration. */
export type Readiness = { ready: true } | { ready: false; reason: "database_unreachable" } | { ready: false; reason: "migrations_pending"; pending: string[] };

/** The migrations this build ships (prisma/migrations/<name>/migration.sql), in order. */
function shippedMigrations(dir = path.join(/* turbopackIgnore: true */ process.cwd(), "prisma", "migrations")): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort();
}

export async function getReadiness(): Promise<Readiness> {
  if (!(await pingDatabase())) return { ready: false, reason: "database_unreachable" };
  const db = getDb();
  const [table] = await db.$queryRaw<{ ok: boolean }[]>`SELECT to_regclass('_prisma_migrations') IS NOT NULL AS ok`;
  const applied = table?.ok
    ? new Set((await db.$queryRaw<{ name: string }[]>`SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`).map((r) => r.name))
    : new Set<string>();
  const pending = shippedMigrations().filter((name) => !applied.has(name));
  return pending.length === 0 ? { ready: true } : { ready: false, reason: "migrations_pending", pending };
}
