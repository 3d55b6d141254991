import { CLOSED_STATUSES } from "@/lib/backlog/schema";

// The team's pace, rebuilt from item history: items closed in each full week since the product's
// history began. Weeks are counted from that first moment (not from Mondays), so every week is a
// whole seven days of work; the week still running is left out until it is whole.

const WEEK_MS = 7 * 86_400_000;
/** Recent weeks only: a pace from a quarter ago says little about this one. */
export const MAX_HISTORY_WEEKS = 12;

const closed = new Set<unknown>(CLOSED_STATUSES);

export type StatusEvent = { at: Date; field: string; oldValue: unknown; newValue: unknown };

/** A move from an open status to done or won't do; done → won't do closes nothing new. */
export function isClosure(event: StatusEvent): boolean {
  return event.field === "status" && closed.has(event.newValue) && !closed.has(event.oldValue);
}

/** A move from done or won't do back to an open status (a person reopening, or a failing check). */
export function isReopening(event: StatusEvent): boolean {
  return event.field === "status" && closed.has(event.oldValue) && !closed.has(event.newValue);
}

export type ThroughputWindow = { from: Date; to: Date; weeks: number };

/** The full weeks to count, newest `maxWeeks` of them: [from, to). Null when not one week has passed. */
export function throughputWindow(historyStart: Date | null, now: Date, maxWeeks = MAX_HISTORY_WEEKS): ThroughputWindow | null {
  if (!historyStart) return null;
  const full = Math.floor((now.getTime() - historyStart.getTime()) / WEEK_MS);
  if (full < 1) return null;
  const weeks = Math.min(full, maxWeeks);
  const to = historyStart.getTime() + full * WEEK_MS;
  return { from: new Date(to - weeks * WEEK_MS), to: new Date(to), weeks };
}

/**
 * Net closures in each week of the window, oldest week first: a reopening takes back a closure, so a
 * card dropped on Done by mistake and dragged back counts for nothing (a week never goes below 0).
 */
export function weeklyClosed(events: readonly StatusEvent[], window: ThroughputWindow | null): number[] {
  if (!window) return [];
  const from = window.from.getTime();
  const net = events
    .filter((event) => event.at.getTime() >= from && event.at.getTime() < window.to.getTime())
    .map((event) => ({ week: Math.floor((event.at.getTime() - from) / WEEK_MS), net: isClosure(event) ? 1 : isReopening(event) ? -1 : 0 }));
  return weeksFromNet(net, window);
}

/**
 * The same from net closures already summed per week (the forecast counts them in the database):
 * `week` 0 is the window's oldest; weeks outside the window are ignored, and none goes below 0.
 */
export function weeksFromNet(rows: ReadonlyArray<{ week: number; net: number }>, window: ThroughputWindow | null): number[] {
  if (!window) return [];
  const counts = new Array<number>(window.weeks).fill(0);
  for (const row of rows) if (row.week >= 0 && row.week < window.weeks) counts[row.week] = (counts[row.week] ?? 0) + row.net;
  return counts.map((count) => Math.max(0, count));
}
