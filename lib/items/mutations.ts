import { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/lib/auth/schema";
import { checkNamesOf } from "@/lib/backlog/check-names";
import { dayStart, isoDay } from "@/lib/calendar/days";
import { parseEffort } from "@/lib/backlog/effort";
import { changedFields, fieldsFromStored, readActions, sameValue, type ItemFields } from "@/lib/backlog/item-fields";
import { recordEvents, type EventInput } from "@/lib/backlog/mutations";
import type { ItemBulk, ItemCreate, ItemPatch } from "@/lib/backlog/schema";
import { getDb, type Tx } from "@/lib/db";
import { isUuid } from "@/lib/encoding";
import { AppError } from "@/lib/errors";
import { peopleWhoSee } from "@/lib/products/data";
import { resolveProductForWrite } from "@/lib/products/mutations";
import { REQUIREMENT_CATALOG } from "@/lib/requirements/catalog";

// Items as people create and edit them (the importer's writes live in lib/backlog/mutations.ts).
// Every write here is one transaction, checked against the version the person saw.

type Product = { id: string; slug: string };
type Person = { id: string; name: string; email: string };

const storedInclude = {
  phase: { select: { key: true } },
  components: { select: { component: { select: { slug: true } } } },
  assignee: { select: { id: true, name: true, email: true } },
} as const;
type StoredRow = Prisma.BacklogItemGetPayload<{ include: typeof storedInclude }>;

/** Fields whose text names preflight checks: changing one recomputes the item's checks. */
const CHECK_TEXT_FIELDS = ["title", "category", "source", "fileRefs", "description", "actions"] as const;

/** Creates an item; without a key it takes the product's next "T-n" (numbers are never reused). */
export async function createItem(input: { productSlug?: string; item: ItemCreate; actor: Actor }): Promise<{ key: string }> {
  const { item } = input;
  return getDb().$transaction(async (tx) => {
    const product = await resolveProductForWrite(tx, input.productSlug);
    // Creates of one product take turns, so an explicit "T-5" and the next automatic key cannot collide.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`certboard-item-create:${product.id}`}))`;
    const key = item.key ?? (await nextKey(tx, product));
    const existing = await tx.backlogItem.findUnique({ where: { productId_key: { productId: product.id, key } }, select: { id: true } });
    if (existing) throw new AppError("conflict", `Item ${key} already exists in product "${product.slug}"; choose another key or leave it out.`, { key });

    const phaseId = item.phase ? await phaseIdOf(tx, product, item.phase) : null;
    const componentIds = item.components ? await componentIdsOf(tx, product, item.components) : [];
    if (item.requirements) assertRequirements(item.requirements);
    const assignee = item.assignee ? await assigneeFor(tx, product, item.assignee) : null;
    const fields = {
      title: item.title,
      category: item.category,
      source: item.source ?? null,
      fileRefs: item.fileRefs ?? [],
      description: item.description ?? "",
      actions: item.actions ? readActions(item.actions) : [],
      statusNote: null,
    };
    const hours = parseEffort(item.effortText || null);
    const last = await tx.backlogItem.aggregate({ where: { productId: product.id }, _max: { position: true } });
    const created = await tx.backlogItem.create({
      data: {
        productId: product.id,
        key,
        ...fields,
        actions: fields.actions as unknown as Prisma.InputJsonValue,
        priority: item.priority ?? null,
        status: item.status ?? "not_started",
        effortText: item.effortText || null,
        effortMinHours: hours?.min ?? null,
        effortMaxHours: hours?.max ?? null,
        checkNames: checkNamesOf(fields),
        requirementCodes: item.requirements ?? [],
        phaseId,
        assigneeId: assignee?.id ?? null,
        dueDate: item.dueDate ? dayStart(item.dueDate) : null,
        authorId: authorOf(input.actor),
        position: (last._max.position ?? -1) + 1,
        components: { create: componentIds.map((componentId) => ({ componentId })) },
      },
      select: { id: true },
    });
    await recordEvents(tx, created.id, input.actor, [
      { field: "created", oldValue: null, newValue: item.title },
      ...(assignee ? [{ field: "assignee", oldValue: null, newValue: assignee.name }] : []),
    ]);
    await watch(tx, created.id, [authorOf(input.actor), assignee?.id ?? null]);
    return { key };
  });
}

/**
 * Changes an item's fields if `version` is still current. The version check is in the UPDATE's
 * WHERE clause, so of two concurrent saves with the same version exactly one wins; the other gets 409.
 */
export async function updateItem(input: { productSlug?: string; key: string; patch: ItemPatch; actor: Actor }) {
  const { version, ...requested } = input.patch;
  if (Object.keys(requested).length === 0) throw new AppError("invalid", "Nothing to change: send at least one field besides version.");

  return getDb().$transaction(async (tx) => {
    const product = await resolveProductForWrite(tx, input.productSlug);
    const row = await tx.backlogItem.findUnique({ where: { productId_key: { productId: product.id, key: input.key } }, include: storedInclude });
    if (!row) throw new AppError("not_found", `No item "${input.key}" in product "${product.slug}".`);
    if (row.version !== version) throw staleVersion([{ key: input.key, sent: version, current: row.version }]);
    const changed = await applyChanges(tx, product, row, requested, input.actor);
    return { key: row.key, version: changed.length ? version + 1 : version, changed };
  });
}

/**
 * Sets the same fields on many items, all or nothing: every item must exist and still be at the
 * version the person saw, or nothing changes and the answer names the stale ones.
 */
export async function bulkUpdateItems(input: { productSlug?: string; bulk: ItemBulk; actor: Actor }) {
  const { items, set } = input.bulk;
  return getDb().$transaction(async (tx) => {
    const product = await resolveProductForWrite(tx, input.productSlug);
    const rows = await tx.backlogItem.findMany({ where: { productId: product.id, key: { in: items.map((i) => i.key) } }, include: storedInclude });
    const byKey = new Map(rows.map((row) => [row.key, row]));
    const missing = items.filter((i) => !byKey.has(i.key)).map((i) => i.key);
    if (missing.length) throw new AppError("not_found", `No ${missing.length === 1 ? "item" : "items"} ${missing.join(", ")} in product "${product.slug}"; nothing was changed.`, { missing });
    const stale = items.flatMap((i) => {
      const current = byKey.get(i.key)!.version;
      return current === i.version ? [] : [{ key: i.key, sent: i.version, current }];
    });
    if (stale.length) throw staleVersion(stale, true);

    const results: { key: string; version: number; changed: string[] }[] = [];
    const lookups = newLookups();
    for (const item of items) {
      const changed = await applyChanges(tx, product, byKey.get(item.key)!, set, input.actor, lookups);
      results.push({ key: item.key, version: changed.length ? item.version + 1 : item.version, changed });
    }
    return { items: results };
  }, { timeout: 60_000, maxWait: 10_000 });
}

/** Starts or stops watching an item (idempotent). */
export async function setWatching(input: { productSlug?: string; key: string; userId: string; watching: boolean }): Promise<void> {
  await getDb().$transaction(async (tx) => {
    const product = await resolveProductForWrite(tx, input.productSlug);
    const item = await tx.backlogItem.findUnique({ where: { productId_key: { productId: product.id, key: input.key } }, select: { id: true } });
    if (!item) throw new AppError("not_found", `No item "${input.key}" in product "${product.slug}".`);
    if (input.watching) await watch(tx, item.id, [input.userId]);
    else await tx.itemWatcher.deleteMany({ where: { itemId: item.id, userId: input.userId } });
  });
}

type Requested = Omit<ItemPatch, "version">;

/** People and phases looked up once per transaction: a bulk change of 500 items asks for each once. */
type Lookups = { people: Map<string, Promise<Person>>; phases: Map<string, Promise<string>> };
const newLookups = (): Lookups => ({ people: new Map(), phases: new Map() });

function memo<T>(cache: Map<string, Promise<T>>, key: string, load: () => Promise<T>): Promise<T> {
  let value = cache.get(key);
  if (!value) cache.set(key, (value = load()));
  return value;
}

/** Writes `requested` onto one stored row (already version-checked), with one event per changed field. */
async function applyChanges(tx: Tx, product: Product, row: StoredRow, requested: Requested, actor: Actor, lookups = newLookups()): Promise<string[]> {
  const current = fieldsFromStored(row);
  const next: Partial<ItemFields> = {};
  for (const field of ["title", "category", "priority", "status", "source", "description", "fileRefs"] as const) {
    if (requested[field] !== undefined) Object.assign(next, { [field]: requested[field] });
  }
  if (requested.actions !== undefined) next.actions = readActions(requested.actions);
  if (requested.effortText !== undefined) next.effortText = requested.effortText || null;
  if (requested.phase !== undefined) next.phase = requested.phase;
  if (requested.components !== undefined) next.components = [...requested.components].sort();
  // The checks an item names follow its text: editing the source (or any text) recomputes them.
  if (CHECK_TEXT_FIELDS.some((field) => requested[field] !== undefined)) next.checkNames = checkNamesOf({ ...current, ...next, statusNote: current.statusNote });

  const changes = changedFields(current, next);
  const extra: EventInput[] = [];
  const data: Prisma.BacklogItemUncheckedUpdateManyInput = {};
  for (const change of changes) {
    switch (change.field) {
      case "phase":
        data.phaseId = next.phase ? await memo(lookups.phases, next.phase, () => phaseIdOf(tx, product, next.phase!)) : null;
        break;
      case "components":
        await tx.itemComponent.deleteMany({ where: { itemId: row.id } });
        await tx.itemComponent.createMany({ data: (await componentIdsOf(tx, product, next.components!)).map((componentId) => ({ itemId: row.id, componentId })) });
        break;
      case "effortText": {
        const hours = parseEffort(next.effortText ?? null);
        Object.assign(data, { effortText: next.effortText ?? null, effortMinHours: hours?.min ?? null, effortMaxHours: hours?.max ?? null });
        break;
      }
      case "actions":
        data.actions = next.actions as unknown as Prisma.InputJsonValue;
        break;
      default:
        Object.assign(data, { [change.field]: change.newValue });
    }
  }
  let newAssignee: Person | null | undefined;
  if (requested.assignee !== undefined) {
    const who = requested.assignee;
    newAssignee = who === null ? null : await memo(lookups.people, who, () => assigneeFor(tx, product, who));
    if ((newAssignee?.id ?? null) !== (row.assignee?.id ?? null)) {
      data.assigneeId = newAssignee?.id ?? null;
      extra.push({ field: "assignee", oldValue: row.assignee?.name ?? null, newValue: newAssignee?.name ?? null });
    }
  }
  if (requested.dueDate !== undefined) {
    const before = row.dueDate ? isoDay(row.dueDate) : null;
    if (requested.dueDate !== before) {
      data.dueDate = requested.dueDate ? dayStart(requested.dueDate) : null;
      extra.push({ field: "dueDate", oldValue: before, newValue: requested.dueDate });
    }
  }
  if (requested.requirements !== undefined && !sameValue([...row.requirementCodes].sort(), [...requested.requirements].sort())) {
    assertRequirements(requested.requirements);
    data.requirementCodes = requested.requirements;
    extra.push({ field: "requirements", oldValue: row.requirementCodes, newValue: requested.requirements });
  }
  if (changes.length === 0 && extra.length === 0) return [];

  const updated = await tx.backlogItem.updateMany({ where: { id: row.id, version: row.version }, data: { ...data, version: { increment: 1 } } });
  if (updated.count === 0) throw staleVersion([{ key: row.key, sent: row.version, current: row.version + 1 }]);
  await recordEvents(tx, row.id, actor, [...changes, ...extra]);
  if (newAssignee) await watch(tx, row.id, [newAssignee.id]);
  return [...changes.map((c) => c.field), ...extra.map((e) => e.field)];
}

/** The product's next free "T-n": the counter only grows, so a deleted item's key is never handed out again. */
async function nextKey(tx: Tx, product: Product): Promise<string> {
  for (;;) {
    const { itemSeq } = await tx.product.update({ where: { id: product.id }, data: { itemSeq: { increment: 1 } }, select: { itemSeq: true } });
    const key = `T-${itemSeq}`;
    // An imported document may already use T-n keys: skip past them.
    const taken = await tx.backlogItem.findUnique({ where: { productId_key: { productId: product.id, key } }, select: { id: true } });
    if (!taken) return key;
  }
}

async function phaseIdOf(tx: Tx, product: Product, key: string): Promise<string> {
  const phase = await tx.phase.findUnique({ where: { productId_key: { productId: product.id, key } }, select: { id: true } });
  if (!phase) throw new AppError("invalid", `phase: no phase "${key}" in product "${product.slug}".`);
  return phase.id;
}

async function componentIdsOf(tx: Tx, product: Product, slugs: string[]): Promise<string[]> {
  const found = await tx.component.findMany({ where: { productId: product.id, slug: { in: slugs } }, select: { id: true, slug: true } });
  const missing = slugs.filter((slug) => !found.some((c) => c.slug === slug));
  if (missing.length) throw new AppError("invalid", `components: no ${missing.length === 1 ? "component" : "components"} ${missing.map((s) => `"${s}"`).join(", ")} in product "${product.slug}".`);
  return found.map((c) => c.id);
}

/** Codes must name Red Hat's catalog (the code's copy: the database's is synced from it). */
function assertRequirements(codes: string[]): void {
  const missing = codes.filter((code) => !REQUIREMENT_CATALOG.some((r) => r.code === code));
  if (missing.length) throw new AppError("invalid", `requirements: no ${missing.length === 1 ? "requirement" : "requirements"} ${missing.join(", ")} in Red Hat's catalog (codes look like CTR-10, OPB-01, PRD-03).`);
}

/** A person by id or email who is active and may see the product; anyone else is refused by name. */
async function assigneeFor(tx: Tx, product: Product, who: string): Promise<Person> {
  const where = isUuid(who) ? { id: who } : { email: who.toLowerCase() };
  const user = await tx.user.findFirst({ where, select: { id: true, name: true, email: true, active: true } });
  if (!user) throw new AppError("invalid", `assignee: no person "${who}"; give a user's id or email.`);
  if (!user.active) throw new AppError("invalid", `assignee: ${user.email} is deactivated.`);
  const { restricted } = await tx.product.findUniqueOrThrow({ where: { id: product.id }, select: { restricted: true } });
  const sees = await tx.user.count({ where: { AND: [{ id: user.id }, peopleWhoSee({ id: product.id, restricted })] } });
  if (!sees) throw new AppError("invalid", `assignee: ${user.email} is not a member of product "${product.slug}".`);
  return { id: user.id, name: user.name || user.email, email: user.email };
}

async function watch(tx: Tx, itemId: string, userIds: (string | null)[]): Promise<void> {
  const ids = [...new Set(userIds.filter((id): id is string => id !== null))];
  if (ids.length) await tx.itemWatcher.createMany({ data: ids.map((userId) => ({ itemId, userId })), skipDuplicates: true });
}

function authorOf(actor: Actor): string | null {
  return "userId" in actor ? (actor.userId ?? null) : null;
}

function staleVersion(stale: { key: string; sent: number; current: number }[], bulk = false): AppError {
  if (stale.length === 1 && !bulk) {
    const [{ key, sent, current }] = stale as [{ key: string; sent: number; current: number }];
    return new AppError(
      "conflict",
      `Item ${key} was changed by someone else (you sent version ${sent}, it is now at version ${current}). Reload to see their change.`,
      { currentVersion: current, stale },
    );
  }
  return new AppError(
    "conflict",
    `${stale.length === 1 ? "Item" : "Items"} ${stale.map((s) => s.key).join(", ")} ${stale.length === 1 ? "was" : "were"} changed by someone else since you loaded them; nothing was changed. Reload and try again.`,
    { stale },
  );
}
