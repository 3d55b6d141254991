import { formatHours } from "@/lib/backlog/effort";
import { DEFAULT_RUNS, MAX_WEEKS, MIN_HISTORY_WEEKS, type ForecastStatus } from "@/lib/forecast/projection";
import { FORECAST_STATUS_LABELS, type Basis, type SentenceFigure, type ForecastInput, type RemainingWork } from "@/lib/forecast/schema";

// The forecast in words: one sentence a product manager can repeat ("At risk: 6 open items (2
// critical blockers), 2 unestimated; the team closes 3 items a week; 85% likely by 2 Feb, target
// 31 Jan.") and the reasons behind it, each saying what the numbers stand on.

export type Explained = { sentence: string; reasons: string[]; sentenceFigures: SentenceFigure[] };

const DAY = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
const DAY_YEAR = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

/** "2 Feb", with the year when it is not this year's. */
export function formatDay(date: Date, today: Date): string {
  return (date.getUTCFullYear() === today.getUTCFullYear() ? DAY : DAY_YEAR).format(date);
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const oneDecimal = (n: number) => String(Math.round(n * 10) / 10);
/** "a", "a and b", "a, b and c", "a, b, c and 2 more". */
function namesOf(names: readonly string[]): string {
  const shown = names.length <= 3 ? [...names] : [...names.slice(0, 3), `${names.length - 3} more`];
  return shown.length <= 1 ? (shown[0] ?? "") : `${shown.slice(0, -1).join(", ")} and ${shown.at(-1)}`;
}

/** Mean items closed a week, to one decimal. */
export const weeklyRate = (weekly: readonly number[]) => (weekly.length ? weekly.reduce((a, b) => a + b, 0) / weekly.length : 0);

function workPhrase(own: RemainingWork, prerequisiteItems: number): string {
  if (own.items === 0 && prerequisiteItems === 0) return "nothing open";
  const parts = [own.items === 0 ? "no open items of its own" : `${plural(own.items, "open item")}${own.blockers ? ` (${plural(own.blockers, "critical blocker")})` : ""}`];
  if (own.unestimated) parts.push(`${own.unestimated} unestimated`);
  if (prerequisiteItems) parts.push(`plus ${prerequisiteItems} in the phases it waits on`);
  return parts.join(", ");
}

function historyPhrase(because: "too_little_history" | "no_throughput", weeks: number): string {
  return because === "too_little_history"
    ? `${plural(weeks, "full week")} of history, ${MIN_HISTORY_WEEKS} needed for a pace`
    : `no item closed in the last ${plural(weeks, "full week")}`;
}

type Context = { input: ForecastInput; basis: Basis; total: RemainingWork; status: ForecastStatus; p50: Date | null; p85: Date | null; today: Date };

function pacePhrase({ input, basis, total, today }: Context): string {
  switch (basis.basis) {
    case "throughput": {
      const rate = weeklyRate(input.weeklyClosed);
      return `the team closes ${oneDecimal(rate)} ${rate === 1 ? "item" : "items"} a week`;
    }
    case "effort":
      return `at ${oneDecimal(input.hoursPerWeek ?? 0)} h a week for ${formatHours(total.minHours, total.maxHours)} of estimated work`;
    case "done":
      return basis.on ? `${basis.phaseCompleted ? "phase completed" : "finished"} ${formatDay(basis.on, today)}` : "every item is closed";
    case "none":
      return basis.missing === "hours_per_week" ? "no projection yet: set hours per week" : "no projection yet: estimate the open items";
  }
}

function datePhrase({ input, basis, p50, p85, today }: Context): string {
  const target = input.targetDate && `target ${formatDay(input.targetDate, today)}`;
  if ((basis.basis === "throughput" || basis.basis === "effort") && p50 && p85) {
    const median = p50.getTime() === p85.getTime() ? "" : ` (50% by ${formatDay(p50, today)})`;
    return `85% likely by ${formatDay(p85, today)}${target ? `, ${target}` : median}`;
  }
  return target ?? "";
}

function reasonsOf(ctx: Context): string[] {
  const { input, basis, total, today } = ctx;
  const reasons: string[] = [];
  const weeks = input.weeklyClosed.length;
  switch (basis.basis) {
    case "throughput":
      reasons.push(
        `Projected from the team's own pace: ${input.weeklyClosed.join(", ")} items closed in the last ${plural(weeks, "full week")} ` +
          `(${oneDecimal(weeklyRate(input.weeklyClosed))} a week on average), each simulated week drawing one of those weeks at random, ${DEFAULT_RUNS.toLocaleString("en-GB")} times.`,
      );
      if (basis.weeks.p85Weeks > MAX_WEEKS) reasons.push("At this pace the work may run past two years: the 85% date is only a lower bound.");
      break;
    case "effort":
      reasons.push(
        `Not projected from the team's pace (${historyPhrase(basis.because, weeks)}): projected from the remaining estimate, ${formatHours(total.minHours, total.maxHours)}, ` +
          `at the product's ${oneDecimal(input.hoursPerWeek ?? 0)} h a week, any value in the estimate's range taken as equally likely.`,
      );
      if (total.unestimated) reasons.push(`${plural(total.unestimated, "open item")} without an estimate ${total.unestimated === 1 ? "is" : "are"} left out, so these dates are optimistic.`);
      break;
    case "done":
      reasons.push(
        basis.phaseCompleted && basis.on
          ? `The phase was marked complete on ${formatDay(basis.on, today)}.`
          : basis.on
            ? `Every item is closed; the last one on ${formatDay(basis.on, today)}.`
            : "Every item is closed; when the last one closed is not recorded (they were imported or created closed), so nothing is projected.",
      );
      break;
    case "none":
      reasons.push(
        `No projection: ${historyPhrase(basis.because, weeks)}, and ` +
          (basis.missing === "hours_per_week"
            ? "no hours per week is set. Set the product's hours per week to project from the remaining estimate, or keep closing items until there are enough weeks of history."
            : `none of the ${plural(total.items, "open item")} has an effort estimate. Estimate them to project at the product's hours per week.`),
      );
      break;
  }
  if (input.prerequisites.length > 0 && basis.basis !== "done") {
    const names = input.prerequisites.map((p) => `Phase ${p.order} (${p.name})`);
    const items = input.prerequisites.reduce((sum, p) => sum + p.items, 0);
    reasons.push(`This phase waits on ${namesOf(names)}: their ${plural(items, "open item")} count too, since it cannot finish before them.`);
  }
  if (input.phase && (basis.basis === "throughput" || basis.basis === "effort")) {
    reasons.push(`The ${basis.basis === "throughput" ? "pace" : "hours per week"} is the whole product's: this assumes the team works on this phase and what it waits on first.`);
  }
  if (input.waitingImages.length > 0 && basis.basis !== "done") {
    reasons.push(`It also waits on ${plural(input.waitingImages.length, "component")} to be certified and published (${namesOf(input.waitingImages)}); Red Hat's review time is not part of this forecast.`);
  }
  if (input.targetDate === null) reasons.push(`No target date is set: set one to see whether ${input.phase ? "the phase" : "the product"} will make it.`);
  else if (input.targetDate.getTime() < today.getTime() && basis.basis !== "done") reasons.push(`The target date, ${formatDay(input.targetDate, today)}, has passed.`);
  return reasons;
}

/** The quantities the phrases above put in the sentence, in the same cases. */
function figuresOf({ input, basis, p50, p85 }: Context, prerequisiteItems: number): SentenceFigure[] {
  const { own } = input;
  const projected = (basis.basis === "throughput" || basis.basis === "effort") && p50 && p85;
  const figures: [SentenceFigure, unknown][] = [
    ["open-items", own.items > 0],
    ["open-critical-blockers", own.items > 0 && own.blockers > 0],
    ["unestimated", own.unestimated > 0],
    ["waiting-items", prerequisiteItems > 0],
    ["pace", basis.basis === "throughput"],
    ["hours-per-week", basis.basis === "effort"],
    ["remaining-effort", basis.basis === "effort"],
    ["p85", projected],
    ["p50", projected && !input.targetDate && p50.getTime() !== p85.getTime()],
    ["target-date", input.targetDate],
  ];
  return figures.filter(([, stated]) => Boolean(stated)).map(([figure]) => figure);
}

export function explainForecast(ctx: Context): Explained {
  const prerequisiteItems = ctx.input.prerequisites.reduce((sum, p) => sum + p.items, 0);
  const parts = [workPhrase(ctx.input.own, prerequisiteItems), pacePhrase(ctx), datePhrase(ctx)].filter(Boolean);
  return { sentence: `${FORECAST_STATUS_LABELS[ctx.status]}: ${parts.join("; ")}.`, reasons: reasonsOf(ctx), sentenceFigures: figuresOf(ctx, prerequisiteItems) };
}
