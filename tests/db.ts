import { randomUUID } from "node:crypto";
import { IMPORT_ACTOR } from "@/lib/auth/schema";
import { importBacklog } from "@/lib/backlog/mutations";
import { getDb } from "@/lib/db";
import { BACKLOG_PATH, readFixture } from "@/tests/fixtures";

/** Rows in every table a write could touch: refused input must leave all of them unchanged. */
export async function rowCounts() {
  const db = getDb();
  const [products, items, events, components, phases, runs, checks] = await Promise.all([
    db.product.count(),
    db.backlogItem.count(),
    db.itemEvent.count(),
    db.component.count(),
    db.phase.count(),
    db.preflightRun.count(),
    db.checkResult.count(),
  ]);
  return { products, items, events, components, phases, runs, checks };
}

/** A product of the test's own, holding the customer's backlog document. */
export async function productWithBacklog(prefix: string): Promise<string> {
  const product = `${prefix}-${randomUUID().slice(0, 8)}`;
  await importBacklog({ document: readFixture(BACKLOG_PATH), productSlug: product, actor: IMPORT_ACTOR });
  return product;
}
