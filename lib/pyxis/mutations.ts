import "server-only";
import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/lib/auth/schema";
import { getDb, type Tx } from "@/lib/db";
import { AppError, toAppError } from "@/lib/errors";
import { emit } from "@/lib/outbox/mutations";
import { announceGatesOfComponent } from "@/lib/phases/mutations";
import { getProduct } from "@/lib/products/data";
import { openSecret, sealSecret } from "@/lib/secret-box";
import { getConnectionView, getSyncView, listSyncTargets } from "./data";
import { fetchSnapshot, PyxisError, testConnection as askCatalog, type PyxisClient } from "./fetch";
import { planSync, RED_HAT, type OwnedField, type StoredComponent, type SyncPlan } from "./plan";
import { PYXIS_EXPORT_FORMAT, type ConnectionView, type PyxisConnectionInput, type PyxisExport, type PyxisSnapshot, type SyncView } from "./schema";

// Syncing a product with Red Hat's catalog. The network is read first, outside any transaction;
// each component's answer is then applied in a transaction of its own, so one failing component
// changes nothing of its own and stops none of the others. Every sync is recorded (PyxisSync).

export type SyncTrigger = "schedule" | "person" | "cli" | "file";
type Who = Pick<Actor, "name"> & { userId?: string | null };

/** Stores (or replaces) a product's connection; the key is sealed before it reaches the database. */
export async function setConnection(productSlug: string, input: PyxisConnectionInput, actor: Who): Promise<ConnectionView> {
  const product = await getProduct(productSlug);
  const sealedKey = sealSecret(input.apiKey);
  await getDb().$transaction(async (tx) => {
    await tx.pyxisConnection.upsert({
      where: { productId: product.id },
      create: { productId: product.id, url: input.url, sealedKey, updatedBy: actor.name },
      update: { url: input.url, sealedKey, updatedBy: actor.name },
    });
  });
  return getConnectionView(product.slug);
}

export async function deleteConnection(productSlug: string): Promise<void> {
  const product = await getProduct(productSlug);
  const { count } = await getDb().$transaction((tx) => tx.pyxisConnection.deleteMany({ where: { productId: product.id } }));
  if (count === 0) throw new AppError("not_found", `Product ${product.slug} has no connection to Red Hat's catalog.`);
}

/** How patient a sync is with the catalog (tests shorten it); the defaults are fetch.ts'. */
export type Tuning = Pick<PyxisClient, "timeoutMs" | "backoffMs" | "retries" | "pageSize">;

async function connectionOf(productId: string, slug: string) {
  const row = await getDb().pyxisConnection.findUnique({ where: { productId } });
  if (!row) throw new AppError("not_found", `Product ${slug} has no connection to Red Hat's catalog: an admin sets one on Settings → Integrations.`);
  return row;
}

/** The stored key, or 503 saying why it cannot be opened (the server's CERTBOARD_SECRET_KEY changed). */
function keyOf(connection: { sealedKey: string }): string {
  try {
    return openSecret(connection.sealedKey);
  } catch (error) {
    throw new AppError("unavailable", `${error instanceof Error ? error.message : String(error)} Enter the API key again on Settings → Integrations.`);
  }
}

/** The client for a stored connection, its key opened (or 503, see keyOf). */
function clientFor(connection: { url: string; sealedKey: string }, tuning: Tuning = {}): PyxisClient {
  return { ...tuning, url: connection.url, apiKey: keyOf(connection) };
}

/** Asks the catalog with the stored key: reads one connected component's project, or checks the key alone. */
export async function testConnection(productSlug: string): Promise<{ ok: boolean; message: string }> {
  const product = await getProduct(productSlug);
  const connection = await connectionOf(product.id, product.slug);
  const target = (await listSyncTargets(product.id))[0] ?? null;
  try {
    await askCatalog(clientFor(connection), target?.connectProjectId ?? null);
    return { ok: true, message: target ? `Red Hat's catalog answered for ${target.slug} (project ${target.connectProjectId}).` : "Red Hat's catalog accepted the key; no component has a Partner Connect project id yet." };
  } catch (error) {
    if (error instanceof PyxisError || (error instanceof AppError && error.code === "unavailable")) return { ok: false, message: error.message };
    throw error;
  }
}

/** Every connected component's answers, as `certboard pyxis-export` writes them for a disconnected site. */
export async function exportSnapshots(productSlug: string, tuning?: Tuning): Promise<PyxisExport> {
  const product = await getProduct(productSlug);
  const client = clientFor(await connectionOf(product.id, product.slug), tuning);
  const projects: PyxisSnapshot[] = [];
  for (const target of await listSyncTargets(product.id)) {
    const snapshot = await fetchSnapshot(client, target.connectProjectId).catch((error: unknown) => {
      // A file missing a component would sync it as failed on the other side: refuse the export instead.
      if (error instanceof PyxisError) throw new AppError("unavailable", `${target.slug} (project ${target.connectProjectId}): ${error.message} Nothing was written.`);
      throw error;
    });
    projects.push(snapshot);
  }
  return { format: PYXIS_EXPORT_FORMAT, product: product.slug, url: client.url, exportedAt: new Date().toISOString(), projects };
}

type Failure = SyncView["failures"][number];
type Change = SyncView["changes"][number];

/**
 * Syncs every component of the product that has a Partner Connect project id: online with the
 * stored connection, or from an export file (`from`), applied the same way. A refused key stops
 * the sync at once (every other request would be refused too) and changes nothing.
 */
export async function syncProduct(input: { productSlug?: string; trigger: SyncTrigger; actor: Who; from?: PyxisExport; now?: Date; tuning?: Tuning }): Promise<SyncView> {
  const product = await getProduct(input.productSlug);
  if (input.from && input.from.product !== product.slug) {
    throw new AppError("invalid", `The file was exported from product ${input.from.product}, not ${product.slug}.`);
  }
  const connection = input.from ? null : await connectionOf(product.id, product.slug);
  const targets = await listSyncTargets(product.id);
  const sync = await getDb().pyxisSync.create({ data: { productId: product.id, trigger: input.trigger, actor: input.actor.name }, select: { id: true } });
  const failures: Failure[] = [];
  const changes: Change[] = [];
  let refused = false;
  let client: PyxisClient | null = null;
  try {
    client = connection ? clientFor(connection, input.tuning) : null;
  } catch (error) {
    // Recorded like any failure, so the schedule's next run and the page both say why.
    failures.push({ component: "connection", projectId: null, message: error instanceof Error ? error.message : String(error) });
    refused = true;
  }
  for (const target of refused ? [] : targets) {
    const failed = (message: string) => failures.push({ component: target.slug, projectId: target.connectProjectId, message });
    let snapshot: PyxisSnapshot | undefined;
    try {
      snapshot = client ? await fetchSnapshot(client, target.connectProjectId) : input.from!.projects.find((p) => p.projectId === target.connectProjectId);
    } catch (error) {
      // Anything else (a bug, the database) is this component's failure too: the sync goes on and is recorded.
      failed(error instanceof PyxisError ? error.message : toAppError(error).message);
      refused = error instanceof PyxisError && error.kind === "refused";
      if (refused) break;
      continue;
    }
    if (!snapshot) {
      failed(`The file holds no answer for project ${target.connectProjectId}.`);
      continue;
    }
    try {
      const applied = await applySnapshot(target.id, snapshot, { syncId: sync.id, now: input.now ?? new Date() });
      changes.push(...applied.map((c) => ({ component: target.slug, ...c })));
    } catch (error) {
      // Its transaction rolled back: nothing of this component was written; the others go on.
      failed(`Red Hat's answer could not be stored: ${toAppError(error).message}`);
    }
  }
  const outcome = failures.length === 0 ? "ok" : refused || failures.length >= targets.length ? "failed" : "partial";
  await getDb().pyxisSync.update({
    where: { id: sync.id },
    data: { outcome, finishedAt: new Date(), changes: changes as unknown as Prisma.InputJsonValue, failures: failures as unknown as Prisma.InputJsonValue },
  });
  return getSyncView(sync.id);
}

const IMAGE_SELECT = { id: true, digest: true, architecture: true, tags: true, redHatId: true, certified: true, published: true, grade: true, gradeSince: true, gradeUntil: true } as const;

async function storedComponent(tx: Tx, componentId: string): Promise<StoredComponent & { id: string; productId: string; name: string }> {
  const row = await tx.component.findUniqueOrThrow({
    where: { id: componentId },
    select: { id: true, productId: true, slug: true, name: true, certificationStatus: true, hostAccess: true, images: { select: IMAGE_SELECT } },
  });
  const last = await tx.componentEvent.findMany({
    where: { componentId, field: { in: ["certificationStatus", "hostAccess"] } },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    distinct: ["field"],
    select: { field: true, actor: true },
  });
  const lastSetBy = { certificationStatus: null, hostAccess: null } as Record<OwnedField, string | null>;
  for (const event of last) lastSetBy[event.field as OwnedField] = event.actor;
  return { ...row, lastSetBy };
}

/** Applies one project's answer to its component, all or nothing. Returns what changed, in words a list can show. */
async function applySnapshot(componentId: string, snapshot: PyxisSnapshot, ctx: { syncId: string; now: Date }): Promise<Omit<Change, "component">[]> {
  return getDb().$transaction(async (tx) => {
    // Two syncs of one component (the schedule and Sync now) take turns.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`pyxis-sync:${componentId}`}))`;
    const component = await storedComponent(tx, componentId);
    const plan = planSync(component, snapshot, ctx.now);
    await writePlan(tx, component, plan, ctx);
    return [
      ...plan.changes.map((c) => ({ field: c.field, from: c.from, to: c.to })),
      ...plan.imageChanges.map((c) => ({ field: `image ${c.image} ${c.field}`, from: c.from, to: c.to })),
    ];
  });
}

async function writePlan(tx: Tx, component: { id: string; productId: string; slug: string; name: string }, plan: SyncPlan, ctx: { syncId: string; now: Date }): Promise<void> {
  const owned = Object.fromEntries(plan.changes.map((c) => [c.field, c.to]));
  await tx.component.update({
    where: { id: component.id },
    data: {
      ...owned,
      ...(plan.changes.length > 0 && { version: { increment: 1 } }),
      redHat: plan.facts as unknown as Prisma.InputJsonValue,
      redHatSyncedAt: ctx.now,
    },
  });
  for (const image of plan.images) {
    const data = {
      tags: image.tags,
      redHatId: image.redHatId,
      certified: image.certified,
      published: image.published,
      grade: image.grade,
      gradeSince: image.gradeSince,
      gradeUntil: image.gradeUntil,
      redHatSyncedAt: ctx.now,
    };
    if (image.id) await tx.image.update({ where: { id: image.id }, data });
    else await tx.image.create({ data: { componentId: component.id, digest: image.digest, architecture: image.architecture, ...data } });
  }
  if (plan.unlisted.length) {
    await tx.image.updateMany({
      where: { id: { in: plan.unlisted } },
      data: { redHatId: null, certified: null, published: null, grade: null, gradeSince: null, gradeUntil: null, redHatSyncedAt: ctx.now },
    });
  }
  const events = [
    ...plan.changes.map((c) => ({ field: c.field, oldValue: c.from, newValue: c.to, note: null as string | null })),
    ...plan.imageChanges.map((c) => ({ field: `image.${c.field}`, oldValue: c.from, newValue: c.to, note: `image ${c.image}` })),
  ];
  if (events.length) {
    await tx.componentEvent.createMany({
      data: events.map((e) => ({
        componentId: component.id,
        actor: RED_HAT,
        field: e.field,
        oldValue: e.oldValue ?? undefined,
        newValue: e.newValue ?? undefined,
        note: e.note,
        syncId: ctx.syncId,
        at: ctx.now,
      })),
    });
  }
  if (plan.conflicts.length) {
    // One open conflict per field: a newer one (the person set it again, Red Hat overrode it again) replaces the older.
    await tx.componentConflict.updateMany({
      where: { componentId: component.id, field: { in: plan.conflicts.map((c) => c.field) }, dismissedAt: null },
      data: { dismissedAt: ctx.now, dismissedBy: "replaced by a newer conflict" },
    });
    await tx.componentConflict.createMany({
      data: plan.conflicts.map((c) => ({ componentId: component.id, field: c.field, personValue: c.personValue, setBy: c.setBy, redHatValue: c.redHatValue, at: ctx.now })),
    });
  }
  const status = plan.changes.find((c) => c.field === "certificationStatus");
  if (status) {
    await emit(tx, { name: RED_HAT }, [{ type: "component.status_changed", productId: component.productId, data: { component: { slug: component.slug, name: component.name }, from: status.from, to: status.to } }]);
    // A component Red Hat now publishes may be the last thing a phase waited for.
    await announceGatesOfComponent(tx, { name: RED_HAT }, component.id);
  }
}

/** Dismisses a conflict once a person has seen it (Red Hat's value stays; history keeps both). */
export async function dismissConflict(input: { productSlug?: string; slug: string; conflictId: string; actor: Who }): Promise<void> {
  const missing = new AppError("not_found", `Component ${input.slug} has no open conflict ${input.conflictId}.`);
  // An id that is not a uuid names no conflict.
  if (!z.uuid().safeParse(input.conflictId).success) throw missing;
  const product = await getProduct(input.productSlug);
  const { count } = await getDb().$transaction((tx) =>
    tx.componentConflict.updateMany({
      where: { id: input.conflictId, dismissedAt: null, component: { productId: product.id, slug: input.slug } },
      data: { dismissedAt: new Date(), dismissedBy: input.actor.name },
    }),
  );
  if (count === 0) throw missing;
}

/**
 * Every product with a connection, synced one after another (the schedule's job, `certboard sync`).
 * A product whose sync cannot even start (deleted meanwhile) is reported and stops none of the others.
 */
export async function syncAllProducts(options: { trigger?: SyncTrigger; actor?: Who; now?: Date; onError?: (product: string, error: unknown) => void } = {}): Promise<SyncView[]> {
  const products = await getDb().pyxisConnection.findMany({ select: { product: { select: { slug: true } } }, orderBy: { createdAt: "asc" } });
  const done: SyncView[] = [];
  for (const { product } of products) {
    try {
      done.push(await syncProduct({ productSlug: product.slug, trigger: options.trigger ?? "schedule", actor: options.actor ?? { name: "schedule" }, now: options.now }));
    } catch (error) {
      if (!options.onError) throw error;
      options.onError(product.slug, error);
    }
  }
  return done;
}
