import { CLOSED_STATUSES, statusSchema, categorySchema, type Category, type Status } from "@/lib/backlog/schema";
import { isoDay } from "@/lib/calendar/days";
import type { BurndownPoint } from "./schema";

// Open critical blockers and all open items per day, reconstructed from item history. Only the
// current state of an item is stored, so the walk starts from today and undoes events newest first: a "status" or
// "category" event sets the field back to its old value, a "created" event (or the item's
// creation time) removes the item. Each day is counted at its end (UTC), today at `now`.

export type BurndownItem = { id: string; category: Category; status: Status; createdAt: Date };
export type BurndownEvent = { itemId: string; at: Date; field: string; oldValue: unknown };

const DAY_MS = 86_400_000;
const closed = new Set<string>(CLOSED_STATUSES);

export const utcDay = (date: Date): number => Math.floor(date.getTime() / DAY_MS) * DAY_MS;

/**
 * One point per UTC day, oldest first: the last `days` days, or fewer when the product's history
 * (its first item or event) starts later. No items and no events: no points.
 */
export function openBlockersByDay(items: readonly BurndownItem[], events: readonly BurndownEvent[], now: Date, days = 30): BurndownPoint[] {
  const times = [...items.map((i) => i.createdAt.getTime()), ...events.map((e) => e.at.getTime())].filter((t) => t <= now.getTime());
  if (times.length === 0) return [];
  const today = utcDay(now);
  const first = Math.max(today - (days - 1) * DAY_MS, utcDay(new Date(Math.min(...times))));

  const state = new Map(items.map((i) => [i.id, { category: i.category as string, status: i.status as string, createdAt: i.createdAt.getTime(), exists: true }]));
  const newestFirst = [...events].sort((a, b) => b.at.getTime() - a.at.getTime());
  let next = 0;
  const points: BurndownPoint[] = [];

  for (let day = today; day >= first; day -= DAY_MS) {
    const end = day === today ? now.getTime() : day + DAY_MS - 1;
    // Undo everything that happened after this day ended.
    while (next < newestFirst.length && newestFirst[next]!.at.getTime() > end) {
      undo(state.get(newestFirst[next]!.itemId), newestFirst[next]!);
      next += 1;
    }
    let open = 0;
    let items = 0;
    for (const item of state.values()) {
      if (!item.exists || item.createdAt > end || closed.has(item.status)) continue;
      items += 1;
      if (item.category === "critical_blocker") open += 1;
    }
    points.push({ date: isoDay(day), open, items });
  }
  return points.reverse();
}

/** What the database counts for the burndown (data.ts): today's open items, and how each day's events changed them. */
export type BurndownDeltas = {
  /** Open items and open critical blockers now, counting items created later than `now` too. */
  current: { items: number; open: number };
  /** The product's first item or event in the window, at or before now; null when there is none. */
  first: Date | null;
  /**
   * Per UTC day (`day` at 00:00), what that day's events added to both counts; `future` holds the
   * events after `now` (with `day` irrelevant). The newest first is not needed: the order is free.
   */
  deltas: ReadonlyArray<{ day: Date; future: boolean; items: number; open: number }>;
};

/**
 * The same points as `openBlockersByDay`, from counts: a day's figures are today's minus what the
 * events after that day's end added. No history: no points.
 */
export function burndownFromDeltas(input: BurndownDeltas, now: Date, days = 30): BurndownPoint[] {
  if (!input.first) return [];
  const today = utcDay(now);
  const first = Math.max(today - (days - 1) * DAY_MS, utcDay(input.first));
  const points: BurndownPoint[] = [];
  for (let day = today; day >= first; day -= DAY_MS) {
    let items = input.current.items;
    let open = input.current.open;
    for (const delta of input.deltas) {
      if (delta.future || (day < today && delta.day.getTime() > day)) {
        items -= delta.items;
        open -= delta.open;
      }
    }
    points.push({ date: isoDay(day), open, items });
  }
  return points.reverse();
}

function undo(item: { category: string; status: string; exists: boolean } | undefined, event: BurndownEvent): void {
  if (!item) return; // an event of an item deleted since
  if (event.field === "created") item.exists = false;
  else if (event.field === "status") {
    const old = statusSchema.safeParse(event.oldValue);
    if (old.success) item.status = old.data;
  } else if (event.field === "category") {
    const old = categorySchema.safeParse(event.oldValue);
    if (old.success) item.category = old.data;
  }
}

export type BandPoint = { date: string; low: number; high: number };

/**
 * The forecast drawn on the burndown: from today's open items down to none, reached on the 50%
 * date along the lower edge and on the 85% date along the upper one. Straight lines between
 * those days, so the corners are all a chart needs. No band when nothing is open or no date is projected.
 */
export function projectionBand(input: { today: string; open: number; p50: string | null; p85: string | null }): BandPoint[] {
  const { today, open, p50, p85 } = input;
  if (open <= 0 || !p50 || !p85 || p85 <= today) return [];
  const ms = (day: string) => Date.parse(`${day}T00:00:00Z`);
  const start = ms(today);
  const end = ms(p85);
  const mid = Math.max(start, Math.min(ms(p50), end));
  const band: BandPoint[] = [{ date: today, low: open, high: open }];
  // Where the 85% edge stands on the 50% day: the share of its way still to go.
  if (mid > start && mid < end) band.push({ date: isoDay(mid), low: 0, high: Math.round(open * ((end - mid) / (end - start)) * 10) / 10 });
  if (mid === start) band[0] = { date: today, low: 0, high: open };
  band.push({ date: p85, low: 0, high: 0 });
  return band;
}
