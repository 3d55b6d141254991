import { z } from "zod";

// Calendar days ("YYYY-MM-DD"), the one home for due dates, target dates and per-day charts. A day
// is a UTC calendar day: stored as a DATE, read as midnight UTC, compared on the UTC calendar.

const DAY_MS = 86_400_000;

/** A real calendar day written YYYY-MM-DD (2027-02-30 is refused). */
export const isoDaySchema = z.iso.date({ message: "must be a calendar date written YYYY-MM-DD, e.g. 2027-01-31" });

/** A moment (or epoch milliseconds) as the UTC day it falls on. */
export function isoDay(at: Date | number): string {
  return new Date(at).toISOString().slice(0, 10);
}

/** "YYYY-MM-DD" as the moment it starts (midnight UTC), as a DATE column holds it. */
export function dayStart(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

/** Midnight UTC of the day `at` falls on. */
export function startOfUtcDay(at: Date): Date {
  return new Date(Math.floor(at.getTime() / DAY_MS) * DAY_MS);
}
