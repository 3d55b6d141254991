import { randomUUID } from "node:crypto";
import { IMPORT_ACTOR } from "@/lib/auth/schema";
import { importBacklog } from "@/lib/backlog/mutations";
import { getDb } from "@/lib/db";
import { BACKLOG_PATH, readFixture } from "@/tests/fixtures";

/**
 * Rows in every table of the schema, by table name: refused input must leave all of them unchanged.
 * The tables are read from the catalog, so a new model (ComponentException, PhaseDependency,
 * Requirement, RateLimitBucket, ...) is counted without editing a list. Only Prisma's own
 * _prisma_migrations is left out. Tests that sign in or present a bad token between two counts
 * change Session or RateLimitBucket by design; they compare with those keys removed.
 */
export async function rowCounts(): Promise<Record<string, number>> {
  const db = getDb();
  const tables = await db.$queryRaw<{ name: string }[]>`
    SELECT tablename AS name FROM pg_tables
    WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations' ORDER BY tablename`;
  // Names come from the catalog, quoted as identifiers: one statement counts them all.
  const sql = tables.map(({ name }) => `SELECT '${name.replace(/'/g, "''")}' AS name, count(*)::int AS rows FROM "${name.replace(/"/g, '""')}"`).join(" UNION ALL ");
  const rows = await db.$queryRawUnsafe<{ name: string; rows: number }[]>(sql);
  return Object.fromEntries(rows.map((row) => [row.name, row.rows]));
}

/** A product of the test's own, holding the customer's backlog document. */
export async function productWithBacklog(prefix: string): Promise<string> {
  const product = `${prefix}-${randomUUID().slice(0, 8)}`;
  await importBacklog({ document: readFixture(BACKLOG_PATH), productSlug: product, actor: IMPORT_ACTOR });
  return product;
}
