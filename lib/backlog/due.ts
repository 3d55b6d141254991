import { isOpenStatus, type Status } from "./schema";

// A due date in words and a tone, the same everywhere it is shown (items table, item page, My work).

export type DueState = { text: string; tone: "overdue" | "today" | "soon" | "later" | "closed" };

const DAY = 86_400_000;

/** Whole days from `today` (UTC) to `dueDate` ("YYYY-MM-DD"): negative when it has passed. */
export function daysUntil(dueDate: string, today: Date): number {
  const due = Date.parse(`${dueDate}T00:00:00Z`);
  const start = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  return Math.round((due - start) / DAY);
}

export function dueState(dueDate: string, status: Status, today: Date): DueState {
  const days = daysUntil(dueDate, today);
  const date = new Date(`${dueDate}T00:00:00Z`).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
  if (!isOpenStatus(status)) return { text: `due ${date}`, tone: "closed" };
  if (days < 0) return { text: `${-days} ${days === -1 ? "day" : "days"} overdue`, tone: "overdue" };
  if (days === 0) return { text: "due today", tone: "today" };
  if (days === 1) return { text: "due tomorrow", tone: "soon" };
  if (days <= 7) return { text: `due in ${days} days`, tone: "soon" };
  return { text: `due ${date}`, tone: "later" };
}

export const DUE_TONE_CLASSES: Record<DueState["tone"], string> = {
  overdue: "text-red-800 font-medium",
  today: "text-amber-800 font-medium",
  soon: "text-amber-800",
  later: "text-ink",
  closed: "text-muted",
};
