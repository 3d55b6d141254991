// "My work" reads on PostgreSQL: assigned, watched, overdue and mentioned, for one person on one
// product, from rows this file writes itself (items, watchers, comments) in the shared database.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IMPORT_ACTOR } from "@/lib/auth/schema";
import { importBacklog } from "@/lib/backlog/mutations";
import { disconnectDb, getDb } from "@/lib/db";
import { getMyWork } from "@/lib/me/data";
import type { MyWork } from "@/lib/me/schema";
import { createUser } from "@/lib/users/mutations";

const TODAY = "2026-12-05";
const KEYS = ["P0-1", "P0-2", "P1-1", "P1-2", "P1-3", "P2-1", "P2-2", "P2-3", "P3-1"];
const DOCUMENT = ["# My work test backlog", "", "## 🔴 CRITICAL BLOCKERS", "", ...KEYS.flatMap((key) => [`### ${key}: Item ${key}`, "**Status:** ❌ NOT STARTED", "", "Text.", ""])].join("\n");

afterAll(disconnectDb);

const day = (offset: number) => new Date(Date.parse(`${TODAY}T00:00:00Z`) + offset * 86_400_000);

async function newPerson(label: string) {
  return createUser({ name: `${label} ${randomUUID().slice(0, 4)}`, email: `${label}-${randomUUID().slice(0, 8)}@example.test`, role: "engineer", password: `pw-${randomUUID()}` });
}

async function newProduct(): Promise<{ slug: string; ids: Record<string, string> }> {
  const slug = `mywork-${randomUUID().slice(0, 8)}`;
  await importBacklog({ document: DOCUMENT, productSlug: slug, actor: IMPORT_ACTOR });
  const rows = await getDb().backlogItem.findMany({ where: { product: { slug } }, select: { id: true, key: true } });
  return { slug, ids: Object.fromEntries(rows.map((row) => [row.key, row.id])) };
}

type Setup = { slug: string; me: { id: string; name: string }; other: { id: string; name: string }; work: MyWork; mentionIds: { onP21: string; onP01: string } };
let setup: Setup;

beforeAll(async () => {
  const db = getDb();
  const me = await newPerson("me");
  const other = await newPerson("other");
  const { slug, ids } = await newProduct();
  const id = (key: string) => ids[key]!;
  const set = (key: string, data: { assigneeId?: string | null; dueDate?: Date | null; priority?: "P0" | "P1" | "P2" | "P3" | null; status?: "done" | "wont_do" | "in_progress" }) =>
    db.backlogItem.update({ where: { id: id(key) }, data });

  // Mine, open: overdue, undated, due later, due today (two priorities).
  await set("P0-1", { assigneeId: me.id, dueDate: day(-3), priority: "P0" });
  await set("P0-2", { assigneeId: me.id, dueDate: null, priority: "P0" });
  await set("P1-1", { assigneeId: me.id, dueDate: day(5), priority: "P1", status: "in_progress" });
  await set("P1-3", { assigneeId: me.id, dueDate: day(0), priority: "P1" });
  await set("P2-3", { assigneeId: me.id, dueDate: day(0), priority: "P3" });
  // Mine but done, long overdue: on no list.
  await set("P1-2", { assigneeId: me.id, dueDate: day(-10), priority: "P1", status: "done" });
  // Someone else's, watched by me and a day overdue; watched but closed; neither mine nor watched.
  await set("P2-1", { assigneeId: other.id, dueDate: day(-1), priority: "P2" });
  await set("P2-2", { assigneeId: other.id, dueDate: day(-2), status: "wont_do" });
  await set("P3-1", { assigneeId: other.id, dueDate: day(-4), priority: "P3" });
  await db.itemWatcher.createMany({ data: [{ itemId: id("P2-1"), userId: me.id }, { itemId: id("P2-2"), userId: me.id }, { itemId: id("P3-1"), userId: other.id }] });

  // Work on another product is not this product's.
  const elsewhere = await newProduct();
  await db.backlogItem.update({ where: { id: elsewhere.ids["P0-1"]! }, data: { assigneeId: me.id, dueDate: day(-7) } });
  await db.itemWatcher.create({ data: { itemId: elsewhere.ids["P0-2"]!, userId: me.id } });

  const comment = (itemId: string, mentions: string[], body: string, at: Date) =>
    db.comment.create({ data: { itemId, actor: other.name, userId: other.id, body, mentions, createdAt: at }, select: { id: true } });
  const onP01 = await comment(id("P0-1"), [me.id], "**Heads up** @me, the [label](https://example.test) check fails again.", new Date("2026-12-03T10:00:00Z"));
  const onP21 = await comment(id("P2-1"), [other.id, me.id], "Can you review this?", new Date("2026-12-04T09:00:00Z"));
  await comment(id("P3-1"), [other.id], "Not about me.", new Date("2026-12-04T12:00:00Z"));
  await comment(id("P1-1"), [], "No mentions at all.", new Date("2026-12-04T13:00:00Z"));
  await comment(elsewhere.ids["P0-1"]!, [me.id], "Another product.", new Date("2026-12-04T14:00:00Z"));

  const work = await getMyWork({ userId: me.id, productSlug: slug, today: TODAY });
  setup = { slug, me, other, work, mentionIds: { onP01: onP01.id, onP21: onP21.id } };
});

const keys = (rows: { key: string }[]) => rows.map((row) => row.key);

describe("getMyWork", () => {
  it("names the product and the day it measured against", () => {
    expect(setup.work.product.slug).toBe(setup.slug);
    expect(setup.work.today).toBe(TODAY);
  });

  it("lists the open items assigned to me, soonest due first (undated last), then by priority", () => {
    expect(keys(setup.work.assigned.rows)).toEqual(["P0-1", "P1-3", "P2-3", "P1-1", "P0-2"]);
    expect(setup.work.assigned.total).toBe(5);
    expect(setup.work.assigned.rows[0]).toEqual({ key: "P0-1", title: "Item P0-1", priority: "P0", status: "not_started", dueDate: "2026-12-02", assignee: { name: setup.me.name }, assignedToMe: true });
    expect(setup.work.assigned.rows[3]).toMatchObject({ key: "P1-1", status: "in_progress", dueDate: "2026-12-10" });
    expect(setup.work.assigned.rows[4]).toMatchObject({ key: "P0-2", dueDate: null });
  });

  it("lists the open items I watch, with who they are assigned to", () => {
    expect(keys(setup.work.watching.rows)).toEqual(["P2-1"]);
    expect(setup.work.watching.total).toBe(1);
    expect(setup.work.watching.rows[0]).toMatchObject({ assignee: { name: setup.other.name }, assignedToMe: false, dueDate: "2026-12-04" });
  });

  it("lists open items assigned to me or watched by me whose due date is before today", () => {
    expect(keys(setup.work.overdue.rows)).toEqual(["P0-1", "P2-1"]);
    expect(setup.work.overdue.total).toBe(2);
  });

  it("lists the comments that mention me on this product, newest first, with the item and a plain-text excerpt", () => {
    expect(setup.work.mentioned.total).toBe(2);
    expect(setup.work.mentioned.rows).toEqual([
      { id: setup.mentionIds.onP21, item: { key: "P2-1", title: "Item P2-1" }, author: setup.other.name, at: "2026-12-04T09:00:00.000Z", excerpt: "Can you review this?" },
      { id: setup.mentionIds.onP01, item: { key: "P0-1", title: "Item P0-1" }, author: setup.other.name, at: "2026-12-03T10:00:00.000Z", excerpt: "Heads up @me, the label check fails again." },
    ]);
  });

  it("is empty for someone with nothing on the product", async () => {
    const stranger = await newPerson("stranger");
    const work = await getMyWork({ userId: stranger.id, productSlug: setup.slug, today: TODAY });
    expect([work.assigned, work.watching, work.overdue, work.mentioned]).toEqual(Array(4).fill({ rows: [], total: 0 }));
  });

  it("counts a due date as overdue only once its day has passed", async () => {
    const work = await getMyWork({ userId: setup.me.id, productSlug: setup.slug, today: "2026-12-02" });
    expect(keys(work.overdue.rows)).toEqual([]);
    const later = await getMyWork({ userId: setup.me.id, productSlug: setup.slug, today: "2026-12-06" });
    expect(keys(later.overdue.rows)).toEqual(["P0-1", "P2-1", "P1-3", "P2-3"]);
  });
});
