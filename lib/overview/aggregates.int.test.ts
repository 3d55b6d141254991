import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disconnectDb, getDb } from "@/lib/db";
import { getForecast } from "@/lib/forecast/data";
import { countEvents, getOverview } from "@/lib/overview/data";

// The overview's figures counted in SQL, on a small history written row by row, against counts
// worked out by hand below.

const DAY = 86_400_000;
const now = new Date();
const today = Math.floor(now.getTime() / DAY) * DAY;
/** `days` before today's UTC midnight, at `hour`. */
const at = (days: number, hour: number) => new Date(today - days * DAY + hour * 3_600_000);
const isoDay = (days: number) => new Date(today - days * DAY).toISOString().slice(0, 10);

let slug: string;
beforeAll(async () => {
  const db = getDb();
  slug = `agg-${randomUUID().slice(0, 8)}`;
  const product = await db.product.create({ data: { slug, name: slug } });
  const item = async (key: string, data: { category: "critical_blocker" | "compliant"; status: "not_started" | "in_progress" | "done" | "wont_do"; createdAt: Date; effortMinHours?: number; effortMaxHours?: number }) => {
    const row = await db.backlogItem.create({ data: { productId: product.id, key, title: key, ...data } });
    await db.itemEvent.create({ data: { itemId: row.id, actor: "import", field: "created", at: data.createdAt, newValue: data.status } });
    return row.id;
  };
  // A: a blocker created 3 days ago, closed yesterday at 10:00.
  const a = await item("A", { category: "critical_blocker", status: "done", createdAt: at(3, 9) });
  await db.itemEvent.create({ data: { itemId: a, actor: "Pat", field: "status", at: at(1, 10), oldValue: "in_progress", newValue: "done" } });
  // B: a blocker until two days ago at 12:00, compliant since; open all along.
  const b = await item("B", { category: "compliant", status: "not_started", createdAt: at(3, 9), effortMinHours: 2, effortMaxHours: 4 });
  await db.itemEvent.create({ data: { itemId: b, actor: "Pat", field: "category", at: at(2, 12), oldValue: "critical_blocker", newValue: "compliant" } });
  // C: a blocker created two days ago at 08:00, open; unestimated.
  await item("C", { category: "critical_blocker", status: "not_started", createdAt: at(2, 8) });
  // D: a blocker open all along, estimated at 8 hours (no minimum).
  await item("D", { category: "critical_blocker", status: "in_progress", createdAt: at(3, 9), effortMaxHours: 8 });
  // E: a blocker won't do all along, and a status event with a value no status has (no feed event).
  const e = await item("E", { category: "critical_blocker", status: "wont_do", createdAt: at(3, 9) });
  await db.itemEvent.create({ data: { itemId: e, actor: "Pat", field: "status", at: at(1, 11), oldValue: "wont_do", newValue: "bogus" } });
  // Imports: one this week, one older than a week.
  await db.backlogImport.create({ data: { productId: product.id, actor: "import", sha256: "a", summary: { created: 5 }, createdAt: at(1, 9) } });
  await db.backlogImport.create({ data: { productId: product.id, actor: "import", sha256: "b", summary: { created: 0 }, createdAt: at(9, 9) } });
});
afterAll(disconnectDb);

describe("the overview's aggregates", () => {
  it("rebuilds open items and open critical blockers per day from the day of the first item", async () => {
    const overview = (await getOverview(slug, now))!;
    // Day -3: A, B (still a blocker), D open → 3 items, 3 blockers. Day -2: C created, B no longer
    // a blocker → 4 items, 3 blockers. Day -1 and today: A closed → 3 items (B, C, D), 2 blockers (C, D).
    expect(overview.burndown).toEqual([
      { date: isoDay(3), items: 3, open: 3 },
      { date: isoDay(2), items: 4, open: 3 },
      { date: isoDay(1), items: 3, open: 2 },
      { date: isoDay(0), items: 3, open: 2 },
    ]);
  });

  it("counts the week's events: A's status change and this week's import", async () => {
    expect(await countEvents(slug, new Date(now.getTime() - 7 * DAY))).toBe(2);
  });

  it("sums the open work per phase and kind, and the closures per week", async () => {
    const forecast = await getForecast({ product: slug, now });
    // Open: B (2–4 h), C (unestimated), D (8 h, its maximum standing for the minimum); C and D are blockers.
    expect(forecast.remaining).toMatchObject({ items: 3, blockers: 2, minHours: 10, maxHours: 12, unestimated: 1 });
    // Three days of history: not one whole week, so no pace yet.
    expect(forecast.throughput.weeks).toBe(0);
  });

  it("counts net closures in each whole week of history", async () => {
    const db = getDb();
    const paced = `pace-${randomUUID().slice(0, 8)}`;
    const product = await db.product.create({ data: { slug: paced, name: paced } });
    const start = new Date(now.getTime() - 15 * DAY - 3_600_000);
    const after = (days: number) => new Date(start.getTime() + days * DAY);
    const [x, y] = await Promise.all(
      ["X", "Y"].map((key) => db.backlogItem.create({ data: { productId: product.id, key, title: key, category: "compliant", status: "done", createdAt: start } })),
    );
    const status = (itemId: string, days: number, oldValue: string, newValue: string) => db.itemEvent.create({ data: { itemId, actor: "Pat", field: "status", at: after(days), oldValue, newValue } });
    await status(x!.id, 1, "in_progress", "done"); // week 0: +1
    await status(x!.id, 2, "done", "wont_do"); // closed to closed: nothing
    await status(y!.id, 8, "not_started", "done"); // week 1: +1
    await status(y!.id, 9, "done", "in_progress"); // week 1: reopened, -1
    await status(y!.id, 10, "in_progress", "done"); // week 1: +1
    await status(x!.id, 14.5, "wont_do", "in_progress"); // the running week: not counted
    await status(x!.id, 14.6, "in_progress", "done");
    const forecast = await getForecast({ product: paced, now });
    expect(forecast.throughput).toEqual({ weeks: 2, itemsPerWeek: [1, 1] });
  });
});
