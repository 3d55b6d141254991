import { CLOSED_STATUSES, type Status } from "@/lib/backlog/schema";

// Pure progress arithmetic for one phase, shared by the server read and the board's optimistic moves.

export type ProgressItem = { status: Status; effortMinHours: number | null; effortMaxHours: number | null };

export type PhaseEffort = {
  doneMinHours: number;
  doneMaxHours: number;
  totalMinHours: number;
  totalMaxHours: number;
  remainingMinHours: number;
  remainingMaxHours: number;
  /** Open items with no estimate: the remaining range leaves them out. */
  unestimated: number;
};

export type PhaseProgressNumbers = { total: number; done: number; byCount: number; effort: PhaseEffort };

const isClosed = (status: Status) => (CLOSED_STATUSES as readonly Status[]).includes(status);

function round(hours: number): number {
  return Math.round(hours * 10_000) / 10_000;
}

/**
 * Closed items (done or won't do) count as done by count. By effort, won't-do work was never done
 * and will never be, so it is left out of every effort sum.
 */
export function computePhaseProgress(items: ReadonlyArray<ProgressItem>): PhaseProgressNumbers {
  const effort: PhaseEffort = { doneMinHours: 0, doneMaxHours: 0, totalMinHours: 0, totalMaxHours: 0, remainingMinHours: 0, remainingMaxHours: 0, unestimated: 0 };
  let done = 0;
  for (const item of items) {
    if (isClosed(item.status)) done += 1;
    if (item.status === "wont_do") continue;
    if (item.effortMaxHours === null) {
      if (item.status !== "done") effort.unestimated += 1;
      continue;
    }
    const min = item.effortMinHours ?? item.effortMaxHours;
    const max = item.effortMaxHours;
    effort.totalMinHours += min;
    effort.totalMaxHours += max;
    if (item.status === "done") {
      effort.doneMinHours += min;
      effort.doneMaxHours += max;
    } else {
      effort.remainingMinHours += min;
      effort.remainingMaxHours += max;
    }
  }
  for (const name of Object.keys(effort) as (keyof PhaseEffort)[]) effort[name] = round(effort[name]);
  const total = items.length;
  return { total, done, byCount: total === 0 ? 0 : done / total, effort };
}
