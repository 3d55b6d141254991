import { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/lib/auth/schema";
import { checkNamesOf } from "@/lib/backlog/check-names";
import { dayStart, isoDay } from "@/lib/calendar/days";
import { parseEffort } from "@/lib/backlog/effort";
import { changedFields, fieldsFromStored, readActions, sameValue, type FieldChange, type ItemFields } from "@/lib/backlog/item-fields";
import { recordEvents, recordEventsOfItems, type EventInput } from "@/lib/backlog/mutations";
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
    const plan = await planChanges(tx, product, row, requested, newLookups());
    await writePlans(tx, [plan], input.actor, false);
    return { key: row.key, version: plan.events.length ? version + 1 : version, changed: plan.events.map((e) => e.field) };
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

    const lookups = newLookups();
    const plans: Plan[] = [];
    for (const item of items) plans.push(await planChanges(tx, product, byKey.get(item.key)!, set, lookups));
    await writePlans(tx, plans, input.actor, true);
    return { items: plans.map(({ row, events }) => ({ key: row.key, version: events.length ? row.version + 1 : row.version, changed: events.map((e) => e.field) })) };
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

/** What a change does to one stored row: the columns to write, the history to record, who starts watching. */
type Plan = {
  row: StoredRow;
  data: Prisma.BacklogItemUncheckedUpdateManyInput;
  events: (FieldChange | EventInput)[];
  components?: string[];
  watcher: string | null;
};

/** Works out (without writing) what `requested` changes on one row; lookups only read. */
async function planChanges(tx: Tx, product: Product, row: StoredRow, requested: Requested, lookups: Lookups): Promise<Plan> {
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

  const plan: Plan = { row, data: {}, events: changedFields(current, next), watcher: null };
  const { data } = plan;
  for (const change of [...plan.events] as FieldChange[]) {
    switch (change.field) {
      case "phase":
        data.phaseId = next.phase ? await memo(lookups.phases, next.phase, () => phaseIdOf(tx, product, next.phase!)) : null;
        break;
      case "components":
        plan.components = await componentIdsOf(tx, product, next.components!);
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
  if (requested.assignee !== undefined) {
    const who = requested.assignee;
    const assignee = who === null ? null : await memo(lookups.people, who, () => assigneeFor(tx, product, who));
    if ((assignee?.id ?? null) !== (row.assignee?.id ?? null)) {
      data.assigneeId = assignee?.id ?? null;
      plan.events.push({ field: "assignee", oldValue: row.assignee?.name ?? null, newValue: assignee?.name ?? null });
      plan.watcher = assignee?.id ?? null;
    }
  }
  if (requested.dueDate !== undefined) {
    const before = row.dueDate ? isoDay(row.dueDate) : null;
    if (requested.dueDate !== before) {
      data.dueDate = requested.dueDate ? dayStart(requested.dueDate) : null;
      plan.events.push({ field: "dueDate", oldValue: before, newValue: requested.dueDate });
    }
  }
  if (requested.requirements !== undefined && !sameValue([...row.requirementCodes].sort(), [...requested.requirements].sort())) {
    assertRequirements(requested.requirements);
    data.requirementCodes = requested.requirements;
    plan.events.push({ field: "requirements", oldValue: row.requirementCodes, newValue: requested.requirements });
  }
  return plan;
}

/**
 * Writes plans, version-checked in the UPDATE's WHERE clause: rows with the same columns to write
 * share one statement, and all their history is one insert (a bulk change of 500 items is a few
 * statements, not thousands). A row that moved on meanwhile fails the whole transaction with 409.
 */
async function writePlans(tx: Tx, plans: Plan[], actor: Actor, bulk: boolean): Promise<void> {
  const changed = plans.filter((plan) => plan.events.length > 0);
  const groups = new Map<string, Plan[]>();
  for (const plan of changed) {
    const key = JSON.stringify(plan.data);
    groups.set(key, [...(groups.get(key) ?? []), plan]);
  }
  for (const group of groups.values()) {
    const updated = await tx.backlogItem.updateMany({
      where: { OR: group.map(({ row }) => ({ id: row.id, version: row.version })) },
      data: { ...group[0]!.data, version: { increment: 1 } },
    });
    // Someone saved one of these between our read and this write (a rare race: the versions were
    // checked first): the transaction rolls back, and the answer names the rows it was writing.
    if (updated.count !== group.length) throw staleVersion(group.map(({ row }) => ({ key: row.key, sent: row.version, current: row.version + 1 })), bulk);
  }
  for (const plan of changed) {
    if (!plan.components) continue;
    await tx.itemComponent.deleteMany({ where: { itemId: plan.row.id } });
    await tx.itemComponent.createMany({ data: plan.components.map((componentId) => ({ itemId: plan.row.id, componentId })) });
  }
  await recordEventsOfItems(tx, actor, changed.map((plan) => ({ itemId: plan.row.id, changes: plan.events })));
  const watchers = changed.flatMap((plan) => (plan.watcher ? [{ itemId: plan.row.id, userId: plan.watcher }] : []));
  if (watchers.length) await tx.itemWatcher.createMany({ data: watchers, skipDuplicates: true });
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
