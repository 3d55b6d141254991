import "server-only";
import { getDb } from "@/lib/db";
import { emit } from "@/lib/outbox/mutations";
import { staleEvidenceReason } from "./staleness";

export type StaleCheck = { notified: string[]; cleared: string[] };

/** The schedule's name in component history and the outbox. */
const WHO = { name: "certboard" };

/**
 * The daily evidence check: emits evidence.stale once for each component whose evidence went stale
 * (a StaleEvidenceNotice row remembers it), and clears the notice of a component whose evidence is
 * fresh again, so a later staleness is told again. Each component's decision is its own short
 * transaction; the notice's primary key settles two workers checking at once. `scope` limits the
 * check to some products (tests share one database).
 */
export async function checkStaleEvidence(now: Date, scope: { productIds?: string[] } = {}): Promise<StaleCheck> {
  const db = getDb();
  const components = await db.component.findMany({
    where: { placeholder: false, runs: { some: {} }, ...(scope.productIds && { productId: { in: scope.productIds } }) },
    select: {
      id: true,
      slug: true,
      name: true,
      product: { select: { id: true, evidenceMaxAgeDays: true } },
      runs: { where: { passed: true }, orderBy: { createdAt: "desc" }, take: 1, select: { createdAt: true } },
    },
  });
  const newest = await db.preflightRun.findMany({
    where: { componentId: { in: components.map((c) => c.id) } },
    orderBy: [{ componentId: "asc" }, { createdAt: "desc" }],
    distinct: ["componentId"],
    select: { componentId: true, preflightVersion: true },
  });
  const versionOf = new Map(newest.map((r) => [r.componentId, r.preflightVersion]));
  const noticed = new Set((await db.staleEvidenceNotice.findMany({ select: { componentId: true } })).map((n) => n.componentId));
  const result: StaleCheck = { notified: [], cleared: [] };
  for (const c of components) {
    const lastPassingAt = c.runs[0]?.createdAt ?? null;
    const reason = staleEvidenceReason({ lastPassingAt, newestRunVersion: versionOf.get(c.id) ?? null }, c.product.evidenceMaxAgeDays, now);
    // Nothing to write: fresh and not noticed, or stale and already told.
    if (Boolean(reason) === noticed.has(c.id)) continue;
    await db.$transaction(async (tx) => {
      if (!reason) {
        const { count } = await tx.staleEvidenceNotice.deleteMany({ where: { componentId: c.id } });
        if (count) result.cleared.push(c.slug);
        return;
      }
      const { count } = await tx.staleEvidenceNotice.createMany({ data: [{ componentId: c.id, reason, since: now }], skipDuplicates: true });
      if (count === 0) return;
      await emit(tx, WHO, [
        { type: "evidence.stale", productId: c.product.id, data: { component: { slug: c.slug, name: c.name }, reason, lastPassingAt: lastPassingAt?.toISOString() ?? null } },
      ]);
      result.notified.push(c.slug);
    });
  }
  return result;
}
