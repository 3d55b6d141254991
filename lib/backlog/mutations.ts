import { createHash, randomUUID } from "node:crypto";
import { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/lib/auth/schema";
import { componentsForPhrases, ensureComponentsForRefs } from "@/lib/components/mutations";
import { getDb, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { decodeUtf8 } from "@/lib/encoding";
import { resolveProductForWrite } from "@/lib/products/mutations";
import { parseEffort } from "@/lib/backlog/effort";
import {
  changedFields,
  fieldsFromParsed,
  fieldsFromStored,
  ITEM_FIELD_NAMES,
  readTasks,
  sameValue,
  type FieldChange,
  type ItemFields,
} from "@/lib/backlog/item-fields";
import { parseBacklogOffThread } from "@/lib/backlog/parse-off-thread";
import { CATEGORIES, CATEGORY_LABELS, type Category, type ParsedBacklog } from "@/lib/backlog/schema";
import { recordItemEvents } from "@/lib/outbox/mutations";

export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;

export type ImportConflict = { item: string; field: string; current: unknown; incoming: unknown };

export type ImportResult = {
  product: string;
  created: number;
  updated: number;
  unchanged: number;
  items: number;
  byCategory: Record<Category, number>;
  phases: number;
  components: number;
  warnings: string[];
  conflicts: ImportConflict[];
};

const storedItemInclude = {
  phase: { select: { key: true } },
  components: { select: { component: { select: { slug: true } } } },
} as const;

/** Carries a dry run's report out of its transaction, which throwing it rolls back. */
class DryRunRollback extends Error {
  constructor(readonly result: ImportResult) {
    super("dry run: rolled back");
  }
}

/**
 * Imports a backlog document (bytes or text) into a product. One transaction: all or nothing.
 * A dry run does the whole import and rolls it back: the same report, nothing written, and no
 * live notification (PostgreSQL drops a rolled-back transaction's NOTIFYs).
 */
export async function importBacklog(input: {
  document: Uint8Array | string;
  productSlug?: string;
  actor: Actor;
  dryRun?: boolean;
}): Promise<ImportResult> {
  const bytes = typeof input.document === "string" ? new TextEncoder().encode(input.document) : input.document;
  if (bytes.byteLength > MAX_IMPORT_BYTES) {
    throw new AppError("too_large", `The document is ${bytes.byteLength} bytes; the limit is ${MAX_IMPORT_BYTES} bytes (2 MiB).`);
  }
  const text = decodeUtf8(bytes);
  // Throws BacklogParseError (an AppError: not_markdown / no_items) for documents it cannot read.
  // Read in a worker thread: seconds of parsing would otherwise stall every other request.
  const parsed = await parseBacklogOffThread(text);
  const sha256 = createHash("sha256").update(bytes).digest("hex");

  return getDb()
    .$transaction(
      async (tx) => {
        const product = await resolveProductForWrite(tx, input.productSlug, { name: parsed.title || "Imported product" });
        // Imports of one product run one at a time; different products do not wait for each other.
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${"backlog-import:" + product.id}))`;
        const result = await applyBacklog(tx, product, parsed, input.actor);
        if (input.dryRun) throw new DryRunRollback(result);
        await tx.backlogImport.create({
          data: { productId: product.id, actor: input.actor.name, sha256, summary: result as unknown as Prisma.InputJsonValue },
        });
        return result;
      },
      { timeout: 60_000, maxWait: 10_000 },
    )
    .catch((error: unknown) => {
      if (error instanceof DryRunRollback) return error.result;
      throw error;
    });
}

/**
 * Reconciles a parsed document with the stored backlog. Used by imports and by the demo seed.
 * A field is updated when the stored value is still what the last import wrote; when a person
 * changed it since, their value stays and a conflict is reported.
 */
export async function applyBacklog(
  tx: Tx,
  product: { id: string; slug: string },
  parsed: ParsedBacklog,
  actor: Actor,
): Promise<ImportResult> {
  const refs = parsed.items.flatMap((item) => [...item.imageRefs, ...item.impliedRefs]);
  const componentSlugs = await ensureComponentsForRefs(tx, product.id, refs);
  // Headings name components by role ("Node Metrics …"), once the document's images exist.
  const hinted = await componentsForPhrases(tx, product.id, parsed.items.flatMap((item) => item.componentHints));
  const phaseIds = await upsertPhases(tx, product.id, parsed);
  const phaseOfItem = new Map<string, string>();
  for (const phase of parsed.phases) for (const key of phase.itemKeys) if (!phaseOfItem.has(key)) phaseOfItem.set(key, phase.key);

  const existing = await tx.backlogItem.findMany({ where: { productId: product.id }, include: storedItemInclude });
  const byKey = new Map(existing.map((row) => [row.key, row]));
  const componentIds = new Map(
    (await tx.component.findMany({ where: { productId: product.id }, select: { id: true, slug: true } })).map((c) => [c.slug, c.id]),
  );

  const result: ImportResult = {
    product: product.slug,
    created: 0,
    updated: 0,
    unchanged: 0,
    items: parsed.items.length,
    byCategory: Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>,
    phases: parsed.phases.length,
    components: new Set(componentSlugs.values()).size,
    warnings: [...parsed.warnings, ...summaryWarnings(parsed)],
    conflicts: [],
  };

  const creates: Prisma.BacklogItemCreateManyInput[] = [];
  const links: Prisma.ItemComponentCreateManyInput[] = [];
  const createdEvents: { itemId: string; changes: EventInput[] }[] = [];
  for (const [position, item] of parsed.items.entries()) {
    result.byCategory[item.category] += 1;
    const slugs = [
      ...new Set([
        ...[...item.imageRefs, ...item.impliedRefs].map((raw) => componentSlugs.get(raw)),
        ...item.componentHints.map((phrase) => hinted.get(phrase)),
      ]),
    ].filter((s): s is string => !!s);
    const incoming = fieldsFromParsed(item, phaseOfItem.get(item.key) ?? null, slugs);
    const row = byKey.get(item.key);

    if (!row) {
      // New items are written together after the loop: a few statements, not three per item.
      const id = randomUUID();
      creates.push({
        id,
        productId: product.id,
        key: item.key,
        position,
        ...columnsFor(incoming, phaseIds),
        importedValues: incoming as unknown as Prisma.InputJsonValue,
      });
      links.push(...slugs.map((slug) => ({ itemId: id, componentId: componentIds.get(slug)! })));
      createdEvents.push({ itemId: id, changes: [{ field: "created", oldValue: null, newValue: item.title }] });
      result.created += 1;
      continue;
    }

    const current = fieldsFromStored(row);
    const base = (row.importedValues ?? {}) as Partial<ItemFields>;
    const apply: Partial<ItemFields> = {};
    for (const field of ITEM_FIELD_NAMES) {
      if (sameValue(current[field], incoming[field])) continue;
      const personEdited = field in base ? !sameValue(current[field], base[field]) : false;
      if (personEdited) {
        result.conflicts.push({ item: item.key, field, current: current[field], incoming: incoming[field] });
      } else {
        Object.assign(apply, { [field]: incoming[field] });
      }
    }
    const changes = changedFields(current, apply);
    const baseChanged = !sameValue(base, incoming);
    if (changes.length === 0 && !baseChanged && row.position === position) {
      result.unchanged += 1;
      continue;
    }
    await tx.backlogItem.update({
      where: { id: row.id },
      data: {
        position,
        importedValues: incoming as unknown as Prisma.InputJsonValue,
        ...(changes.length ? { ...columnsFor({ ...current, ...apply }, phaseIds), version: { increment: 1 } } : {}),
        ...(changes.some((c) => c.field === "components")
          ? { components: { deleteMany: {}, create: (apply.components ?? []).map((slug) => ({ componentId: componentIds.get(slug)! })) } }
          : {}),
      },
    });
    await recordEvents(tx, row.id, actor, changes);
    if (changes.length) result.updated += 1;
    else result.unchanged += 1;
  }
  if (creates.length) {
    await insertItems(tx, creates);
    if (links.length) await insertItemComponents(tx, links);
    await recordEventsOfItems(tx, actor, createdEvents);
  }
  return result;
}

/**
 * New items in one statement that reads them from a single JSON parameter. Prisma's createMany
 * builds and checks every value of every row in JavaScript, which for an import of 1,800 items
 * took longer than the database's own insert. Columns createMany leaves out keep their defaults
 * (requirementCodes stays null); createdAt and updatedAt get one timestamp, as createMany gives.
 */
async function insertItems(tx: Tx, rows: Prisma.BacklogItemCreateManyInput[]): Promise<void> {
  const now = new Date();
  await tx.$executeRaw`
    INSERT INTO "BacklogItem" ("id", "productId", "key", "title", "category", "priority", "status", "latestResult", "statusNote", "effortText",
      "effortMinHours", "effortMaxHours", "source", "fileRefs", "description", "actions", "checkNames", "phaseId", "position", "importedValues", "createdAt", "updatedAt")
    SELECT r."id", r."productId", r."key", r."title", r."category", r."priority", r."status", r."latestResult", r."statusNote", r."effortText",
      r."effortMinHours", r."effortMaxHours", r."source", r."fileRefs", r."description", r."actions", r."checkNames", r."phaseId", r."position", r."importedValues", ${now}, ${now}
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r("id" uuid, "productId" uuid, "key" text, "title" text, "category" "ItemCategory",
      "priority" "ItemPriority", "status" "ItemStatus", "latestResult" text, "statusNote" text, "effortText" text, "effortMinHours" float8,
      "effortMaxHours" float8, "source" text, "fileRefs" text[], "description" text, "actions" jsonb, "checkNames" text[], "phaseId" uuid,
      "position" int, "importedValues" jsonb)`;
}

/** The new items' component links in one statement (two arrays), for the same reason. */
async function insertItemComponents(tx: Tx, links: Prisma.ItemComponentCreateManyInput[]): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO "ItemComponent" ("itemId", "componentId")
    SELECT * FROM unnest(${links.map((link) => link.itemId)}::uuid[], ${links.map((link) => link.componentId)}::uuid[])`;
}

/** Maps field values to item columns (phase key → phase id, effort text → parsed hours). */
function columnsFor(fields: ItemFields, phaseIds: Map<string, string>) {
  const hours = parseEffort(fields.effortText);
  return {
    title: fields.title,
    category: fields.category,
    priority: fields.priority,
    status: fields.status,
    latestResult: fields.latestResult,
    statusNote: fields.statusNote,
    effortText: fields.effortText,
    effortMinHours: hours?.min ?? null,
    effortMaxHours: hours?.max ?? null,
    source: fields.source,
    fileRefs: fields.fileRefs,
    description: fields.description,
    actions: fields.actions as unknown as Prisma.InputJsonValue,
    checkNames: fields.checkNames,
    phaseId: fields.phase ? (phaseIds.get(fields.phase) ?? null) : null,
  };
}

async function upsertPhases(tx: Tx, productId: string, parsed: ParsedBacklog): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const stored = await tx.phase.findMany({ where: { productId } });
  const byKey = new Map(stored.map((p) => [p.key, p]));
  const byOrder = new Map(stored.map((p) => [p.order, p]));
  for (const phase of parsed.phases) {
    const previous = byKey.get(phase.key);
    // Ticked tasks stay ticked across imports: the document does not record task progress.
    const doneTitles = new Set(readTasks(previous?.tasks).filter((t) => t.done).map((t) => t.title));
    const tasks = phase.tasks.map((t) => ({ ...t, done: t.done || doneTitles.has(t.title) }));
    const data = {
      order: phase.order,
      name: phase.name,
      estimateText: phase.estimateText,
      deliverable: phase.deliverable,
      tasks: tasks as unknown as Prisma.InputJsonValue,
    };
    const unchanged =
      previous &&
      previous.order === data.order &&
      previous.name === data.name &&
      previous.estimateText === data.estimateText &&
      previous.deliverable === data.deliverable &&
      sameValue(previous.tasks, tasks);
    if (previous && unchanged) {
      ids.set(phase.key, previous.id);
      continue;
    }
    // Orders are unique per product; move a clashing phase out of the way before taking its slot.
    const clash = byOrder.get(phase.order);
    if (clash && clash.key !== phase.key) await tx.phase.update({ where: { id: clash.id }, data: { order: -1 - clash.order } });
    const saved = await tx.phase.upsert({
      where: { productId_key: { productId, key: phase.key } },
      create: { productId, key: phase.key, ...data },
      update: data,
      select: { id: true },
    });
    ids.set(phase.key, saved.id);
  }
  for (const p of stored) if (!ids.has(p.key)) ids.set(p.key, p.id);
  return ids;
}

const SUMMARY_NOUNS: Record<Category, string> = {
  critical_blocker: "critical blockers",
  needs_verification: "items needing verification",
  not_required: "not-required items",
  compliant: "compliant items",
};

/** The document's hand-typed executive summary, compared with what its body actually lists. */
function summaryWarnings(parsed: ParsedBacklog): string[] {
  const warnings: string[] = [];
  const counts = new Map<string, number>();
  for (const item of parsed.items) counts.set(item.category, (counts.get(item.category) ?? 0) + 1);
  for (const row of parsed.summary) {
    if (row.count === null) continue;
    const actual = counts.get(row.category) ?? 0;
    if (actual !== row.count) {
      warnings.push(
        `Executive summary says ${row.count} ${SUMMARY_NOUNS[row.category]} (${CATEGORY_LABELS[row.category]}), but the document lists ${actual}.`,
      );
    }
  }
  return warnings;
}

export type EventInput = { field: string; oldValue: unknown; newValue: unknown; note?: string };

export async function recordEvents(tx: Tx, itemId: string, actor: Actor, changes: (FieldChange | EventInput)[]): Promise<void> {
  await recordEventsOfItems(tx, actor, [{ itemId, changes }]);
}

/** The events of many items in one statement (a bulk change). */
export async function recordEventsOfItems(tx: Tx, actor: Actor, items: { itemId: string; changes: (FieldChange | EventInput)[] }[]): Promise<void> {
  const data = items.flatMap(({ itemId, changes }) =>
    changes.map((change) => ({
      itemId,
      actor: actor.name,
      userId: "userId" in actor ? (actor.userId ?? null) : null,
      field: change.field,
      oldValue: change.oldValue,
      newValue: change.newValue,
      note: "note" in change ? (change.note ?? null) : null,
    })),
  );
  await recordItemEvents(tx, data);
}
