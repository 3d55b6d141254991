import { isTimeZone } from "@/lib/products/schema";

// When the weekly digest is due: Monday from 08:00 in the product's timezone (IANA). Pure, so the
// schedule can be tested at any moment without waiting for one.

export const DIGEST_HOUR = 8;

/** The local calendar date and hour of `now` in `timeZone`. */
function localParts(now: Date, timeZone: string): { date: string; weekday: string; hour: number } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", weekday: "short", hour: "2-digit", hourCycle: "h23" })
      .formatToParts(now)
      .map((p) => [p.type, p.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, weekday: parts.weekday ?? "", hour: Number(parts.hour) };
}

/**
 * The week whose digest is due at `now` (its Monday, YYYY-MM-DD, local to the product), or null
 * when it is not Monday morning or later on Monday there. An unknown timezone counts as UTC.
 */
export function dueDigestWeek(now: Date, timeZone: string): string | null {
  const local = localParts(now, isTimeZone(timeZone) ? timeZone : "UTC");
  return local.weekday === "Mon" && local.hour >= DIGEST_HOUR ? local.date : null;
}
