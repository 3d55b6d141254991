import { randomUUID } from "node:crypto";
import { Prisma } from "@/generated/prisma/client";
import type { Tx } from "@/lib/db";
import type { OutboxInput } from "./schema";

// The transactional outbox. A mutation calls these inside its own transaction: the rows commit or
// roll back with the change, and the committed row wakes the worker (the table's NOTIFY trigger).

/** Who made a change, as history names them (an Actor, or an ItemEvent row's actor and userId). */
export type Who = { name: string; userId?: string | null };

/** Writes notifiable events beside the change that caused them. */
export async function emit(tx: Tx, who: Who, events: OutboxInput[]): Promise<void> {
  const insert = emitSql(who, events);
  if (insert) await tx.$executeRaw(insert);
}

/**
 * The outbox rows as one INSERT: emit runs it, and a mutation may instead fold it into a statement
 * it sends anyway (a data-modifying CTE), so announcing costs no round trip of its own.
 */
export function emitSql(who: Who, events: OutboxInput[]): Prisma.Sql | null {
  if (events.length === 0) return null;
  const rows = events.map((event) => ({ id: randomUUID(), type: event.type, productId: event.productId, data: event.data }));
  return Prisma.sql`
    INSERT INTO "OutboxEvent" ("id", "type", "productId", "actor", "actorUserId", "data", "at")
    SELECT e."id", e."type", e."productId", ${who.name}, ${who.userId ?? null}::uuid, e."data", ${new Date()}
    FROM json_to_recordset(${JSON.stringify(rows)}::json) AS e("id" uuid, "type" text, "productId" uuid, "data" jsonb)`;
}

const CLOSED = new Set(["done", "wont_do"]);
/** History's actor of an import ("import", "import by Erin"): see importActor in lib/auth/schema.ts. */
const byImport = (actor: string) => actor === "import" || actor.startsWith("import by ");
const text = (value: unknown): string | null => (typeof value === "string" ? value : null);

/** One history row. A value left out or null is stored as SQL NULL; any other value as JSON. */
export type ItemEventRow = {
  itemId: string;
  actor: string;
  userId?: string | null;
  field: string;
  oldValue?: unknown;
  newValue?: unknown;
  note?: string | null;
  runId?: string | null;
};

/**
 * The rows in one statement that reads them from a single JSON parameter: Prisma's createMany
 * compiles and checks every value of every row in JavaScript, which for an import's 1,800 "created"
 * rows cost more CPU than the database's insert. Every row of a statement gets the same `at`.
 */
function insertItemEvents(rows: ItemEventRow[]): Prisma.Sql {
  const json = rows.map((row) => ({
    id: randomUUID(),
    itemId: row.itemId,
    actor: row.actor,
    userId: row.userId ?? null,
    field: row.field,
    oldValue: row.oldValue ?? null,
    newValue: row.newValue ?? null,
    note: row.note ?? null,
    runId: row.runId ?? null,
  }));
  return Prisma.sql`
    INSERT INTO "ItemEvent" ("id", "itemId", "actor", "userId", "at", "field", "oldValue", "newValue", "note", "runId")
    SELECT r."id", r."itemId", r."actor", r."userId", ${new Date()}, r."field", r."oldValue", r."newValue", r."note", r."runId"
    FROM jsonb_to_recordset(${JSON.stringify(json)}::jsonb)
      AS r("id" uuid, "itemId" uuid, "actor" text, "userId" uuid, "field" text, "oldValue" jsonb, "newValue" jsonb, "note" text, "runId" uuid)`;
}

/**
 * The only writer of item history: ItemEvent rows, and the outbox events the people who follow an
 * item hear about (opened, reopened, status changed, assigned). An import's new items are a bulk
 * load, not news: they are recorded but not announced.
 */
export async function recordItemEvents(tx: Tx, rows: ItemEventRow[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.$executeRaw(insertItemEvents(rows));
  const notable = rows.filter((row) => (row.field === "created" && !byImport(row.actor)) || row.field === "status" || row.field === "assignee");
  if (notable.length === 0) return;
  const items = await tx.backlogItem.findMany({
    where: { id: { in: [...new Set(notable.map((row) => row.itemId))] } },
    select: { id: true, key: true, title: true, productId: true, assignee: { select: { id: true, name: true } } },
  });
  const byId = new Map(items.map((item) => [item.id, item]));
  // Events of one statement share their actor in practice; group anyway so each row keeps its own.
  const groups = new Map<string, { who: Who; events: OutboxInput[] }>();
  for (const row of notable) {
    const item = byId.get(row.itemId);
    if (!item) continue;
    const who = { name: row.actor, userId: row.userId ?? null };
    const group = groups.get(`${who.name}\u0000${who.userId}`) ?? { who, events: [] };
    groups.set(`${who.name}\u0000${who.userId}`, group);
    const ref = { key: item.key, title: item.title };
    const runId = row.runId ?? null;
    const note = row.note ?? null;
    if (row.field === "created") {
      group.events.push({ type: "item.opened", productId: item.productId, data: { item: ref, runId } });
    } else if (row.field === "status") {
      const from = text(row.oldValue);
      const to = text(row.newValue) ?? "not_started";
      const type = from && CLOSED.has(from) && !CLOSED.has(to) ? "item.reopened" : "item.status_changed";
      if (type === "item.reopened") group.events.push({ type, productId: item.productId, data: { item: ref, from: from ?? "", to, runId, note } });
      else group.events.push({ type, productId: item.productId, data: { item: ref, from, to, runId, note } });
    } else {
      group.events.push({ type: "item.assigned", productId: item.productId, data: { item: ref, assignee: item.assignee, previous: text(row.oldValue) } });
    }
  }
  for (const { who, events } of groups.values()) await emit(tx, who, events);
}
