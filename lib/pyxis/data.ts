import "server-only";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getProduct } from "@/lib/products/data";
import type { RedHatFacts } from "./plan";
import type { ConnectionView, RedHatView, SyncView } from "./schema";

// Reads of the catalog connection and its syncs. The sealed key is never selected here: no answer,
// page or log built from these reads can hold it.

const SYNC_SELECT = { id: true, trigger: true, actor: true, startedAt: true, finishedAt: true, outcome: true, changes: true, failures: true } as const;

type SyncRow = { id: string; trigger: string; actor: string; startedAt: Date; finishedAt: Date | null; outcome: string; changes: unknown; failures: unknown };

function toSyncView(row: SyncRow): SyncView {
  return {
    id: row.id,
    actor: row.actor,
    startedAt: row.startedAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    trigger: row.trigger as SyncView["trigger"],
    outcome: row.outcome as SyncView["outcome"],
    changes: row.changes as SyncView["changes"],
    failures: row.failures as SyncView["failures"],
  };
}

export async function getSyncView(id: string): Promise<SyncView> {
  const row = await getDb().pyxisSync.findUnique({ where: { id }, select: SYNC_SELECT });
  if (!row) throw new AppError("not_found", "No such sync.");
  return toSyncView(row);
}

/** The product's syncs, newest first. */
export async function listSyncs(productSlug: string, take = 20): Promise<SyncView[]> {
  const product = await getProduct(productSlug);
  const rows = await getDb().pyxisSync.findMany({ where: { productId: product.id }, orderBy: [{ startedAt: "desc" }, { id: "desc" }], take, select: SYNC_SELECT });
  return rows.map(toSyncView);
}

/** The connection as an admin may see it: the URL and its last sync, never the key. */
export async function getConnectionView(productSlug: string): Promise<ConnectionView> {
  const product = await getProduct(productSlug);
  const [connection, last] = await Promise.all([
    getDb().pyxisConnection.findUnique({ where: { productId: product.id }, select: { url: true, updatedBy: true, updatedAt: true } }),
    getDb().pyxisSync.findFirst({ where: { productId: product.id }, orderBy: [{ startedAt: "desc" }, { id: "desc" }], select: SYNC_SELECT }),
  ]);
  return {
    product: product.slug,
    connected: connection !== null,
    url: connection?.url ?? null,
    updatedBy: connection?.updatedBy ?? null,
    updatedAt: connection?.updatedAt.toISOString() ?? null,
    lastSync: last ? toSyncView(last) : null,
  };
}

/** The components a sync reads: those with a Partner Connect project id, in slug order. */
export async function listSyncTargets(productId: string): Promise<{ id: string; slug: string; connectProjectId: string }[]> {
  const rows = await getDb().component.findMany({
    where: { productId, connectProjectId: { not: null } },
    orderBy: { slug: "asc" },
    select: { id: true, slug: true, connectProjectId: true },
  });
  return rows.map((row) => ({ id: row.id, slug: row.slug, connectProjectId: row.connectProjectId! }));
}

/** The component history the board shows: its newest changes. */
const HISTORY = 20;
const text = (value: unknown) => (value === null || value === undefined ? null : String(value));

/** What Red Hat's catalog says of a component, as the last sync stored it, and the conflicts still open. */
export async function getRedHatView(component: { id: string; redHat: unknown; redHatSyncedAt: Date | null }): Promise<RedHatView> {
  const db = getDb();
  const [images, conflicts, history] = await Promise.all([
    db.image.findMany({
      where: { componentId: component.id, redHatId: { not: null } },
      orderBy: [{ architecture: "asc" }, { digest: "asc" }],
      select: { digest: true, architecture: true, tags: true, certified: true, published: true, grade: true, gradeSince: true, gradeUntil: true },
    }),
    db.componentConflict.findMany({ where: { componentId: component.id, dismissedAt: null }, orderBy: [{ at: "desc" }, { id: "asc" }] }),
    db.componentEvent.findMany({
      where: { componentId: component.id },
      orderBy: [{ at: "desc" }, { id: "desc" }],
      take: HISTORY,
      select: { at: true, actor: true, field: true, oldValue: true, newValue: true, note: true },
    }),
  ]);
  const seen = images.length
    ? await db.preflightRun.findMany({
        where: { componentId: component.id, imageDigest: { in: images.map((i) => i.digest) } },
        distinct: ["imageDigest", "architecture"],
        select: { imageDigest: true, architecture: true },
      })
    : [];
  const seenKeys = new Set(seen.map((r) => `${r.imageDigest}\u0000${r.architecture}`));
  const facts = (component.redHat ?? {}) as Partial<RedHatFacts>;
  return {
    syncedAt: component.redHatSyncedAt?.toISOString() ?? null,
    projectId: facts.projectId ?? null,
    certificationStatus: facts.certificationStatus ?? null,
    projectStatus: facts.projectStatus ?? null,
    privileged: facts.privileged ?? null,
    osContentType: facts.osContentType ?? null,
    registry: facts.registry ?? null,
    repository: facts.repository ?? null,
    images: images.map((i) => ({
      ...i,
      gradeSince: i.gradeSince?.toISOString() ?? null,
      gradeUntil: i.gradeUntil?.toISOString() ?? null,
      seenInRun: seenKeys.has(`${i.digest}\u0000${i.architecture}`),
    })),
    conflicts: conflicts.map((c) => ({ id: c.id, field: c.field, personValue: String(c.personValue), setBy: c.setBy, redHatValue: String(c.redHatValue), at: c.at.toISOString() })),
    history: history.map((e) => ({ at: e.at.toISOString(), actor: e.actor, field: e.field, from: text(e.oldValue), to: text(e.newValue), note: e.note })),
  };
}
