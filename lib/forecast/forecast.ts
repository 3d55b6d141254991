import { isoDay } from "@/lib/calendar/days";
import { explainForecast, type Explained } from "@/lib/forecast/explain";
import { dateAfterWeeks, forecastStatus, projectFromEffort, projectFromThroughput, type ForecastStatus } from "@/lib/forecast/projection";
import type { Basis, Forecast, ForecastBasis, ForecastInput, RemainingWork } from "@/lib/forecast/schema";

// "Are we going to make it?": the remaining work of a product (or of a phase and the phases it
// waits on), projected from the team's own weekly throughput when there is enough history, else
// from the remaining effort at the product's hours per week, and compared with the target date.
// Pure: everything it needs, `now` included, comes in as input.

/** One seed for every scope, so a phase and the phases it waits on are projected from the same simulated weeks. */
export const FORECAST_SEED = 20_261_205;



export function sumWork(works: readonly RemainingWork[]): RemainingWork {
  const total = { items: 0, blockers: 0, minHours: 0, maxHours: 0, unestimated: 0 };
  for (const work of works) {
    total.items += work.items;
    total.blockers += work.blockers;
    total.minHours += work.minHours;
    total.maxHours += work.maxHours;
    total.unestimated += work.unestimated;
  }
  return total;
}


export function chooseBasis(input: ForecastInput, total: RemainingWork): Basis {
  if (input.phase?.completedAt) return { basis: "done", on: input.phase.completedAt, phaseCompleted: true };
  if (total.items === 0) return { basis: "done", on: input.finishedOn, phaseCompleted: false };
  const pace = projectFromThroughput({ remaining: total.items, weeklyClosed: input.weeklyClosed, seed: input.seed ?? FORECAST_SEED });
  if (pace.kind === "throughput") return { basis: "throughput", weeks: pace };
  const because = pace.kind;
  if (input.hoursPerWeek === null || !(input.hoursPerWeek > 0)) return { basis: "none", because, missing: "hours_per_week" };
  if (total.items === total.unestimated) return { basis: "none", because, missing: "estimates" };
  const weeks = projectFromEffort({ minHours: total.minHours, maxHours: total.maxHours, hoursPerWeek: input.hoursPerWeek });
  return { basis: "effort", weeks, because };
}

function statusOf(target: Date | null, p50: Date | null, p85: Date | null, today: Date, basis: Basis): ForecastStatus {
  if (p50 && p85) return forecastStatus(target, { p50, p85 });
  if (target === null) return "no_target";
  // All closed at an unknown moment: nothing remains to be late with, and no date to call late.
  if (basis.basis === "done") return "on_track";
  // Without a projection (and with work open) only a passed target is certain; anything else is a risk nobody can size.
  return target.getTime() < today.getTime() ? "off_track" : "at_risk";
}

export function buildForecast(input: ForecastInput): Forecast {
  const total = sumWork([input.own, ...input.prerequisites]);
  const basis = chooseBasis(input, total);
  const today = dateAfterWeeks(input.now, 0);
  let p50: Date | null = null;
  let p85: Date | null = null;
  if (basis.basis === "throughput" || basis.basis === "effort") {
    p50 = dateAfterWeeks(input.now, basis.weeks.p50Weeks);
    p85 = dateAfterWeeks(input.now, basis.weeks.p85Weeks);
  } else if (basis.basis === "done" && basis.on) {
    p50 = p85 = dateAfterWeeks(basis.on, 0);
  }
  const status = statusOf(input.targetDate, p50, p85, today, basis);
  const explained: Explained = explainForecast({ input, basis, total, status, p50, p85, today });
  const kind: ForecastBasis = basis.basis;
  return {
    product: input.product,
    phase: input.phase && { key: input.phase.key, order: input.phase.order, name: input.phase.name },
    status,
    sentence: explained.sentence,
    sentenceFigures: explained.sentenceFigures,
    targetDate: input.targetDate && isoDay(input.targetDate),
    hoursPerWeek: input.hoursPerWeek,
    asOf: isoDay(today),
    basis: kind,
    projected: { p50: p50 && isoDay(p50), p85: p85 && isoDay(p85) },
    remaining: input.own,
    prerequisites: input.prerequisites,
    throughput: { weeks: input.weeklyClosed.length, itemsPerWeek: input.weeklyClosed },
    reasons: explained.reasons,
  };
}
