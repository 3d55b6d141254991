import type { ReactNode } from "react";
import { DateText } from "@/components/ui/date-text";
import { formatHours } from "@/lib/backlog/effort";
import { FORECAST_STATUS_LABELS, FORECAST_STATUS_TONES, type Forecast } from "@/lib/forecast/schema";

const EDGE = { green: "border-l-green-600", amber: "border-l-amber-500", red: "border-l-red-600", gray: "border-l-gray-400" } as const;
const PILL = {
  green: "bg-green-50 text-green-800 ring-green-600/30",
  amber: "bg-amber-50 text-amber-900 ring-amber-600/30",
  red: "bg-red-50 text-red-800 ring-red-600/30",
  gray: "bg-gray-100 text-gray-800 ring-gray-500/30",
} as const;
const DOT = { green: "bg-green-600", amber: "bg-amber-500", red: "bg-red-600", gray: "bg-gray-400" } as const;
const BASIS = {
  throughput: "from the team's own pace",
  effort: "from the remaining estimate and the hours per week",
  done: "finished",
  none: "no projection yet",
} as const;

/** On track / At risk / Off track / No target date, in words and colour. */
export function ForecastStatusPill({ status }: { status: Forecast["status"] }) {
  const tone = FORECAST_STATUS_TONES[status];
  return (
    <span data-testid="forecast-status" className={`inline-flex items-center gap-1.5 rounded-full px-3 py-1 text-sm font-semibold whitespace-nowrap ring-1 ring-inset ${PILL[tone]}`}>
      <span aria-hidden="true" className={`h-2 w-2 rounded-full ${DOT[tone]}`} />
      {FORECAST_STATUS_LABELS[status]}
    </span>
  );
}

/** The coloured left edge of a card that carries the forecast's status. */
export const forecastEdge = (status: Forecast["status"]) => EDGE[FORECAST_STATUS_TONES[status]];

function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs text-muted">{label}</dt>
      <dd className="mt-0.5 font-medium" data-testid={testId}>{children}</dd>
    </div>
  );
}

/** Items closed per week as small bars; the numbers themselves are in the text beside it. */
function Sparkline({ weeks }: { weeks: number[] }) {
  const max = Math.max(1, ...weeks);
  const barWidth = 6;
  return (
    <svg aria-hidden="true" width={weeks.length * (barWidth + 2)} height="24" className="shrink-0 text-blue-700">
      {weeks.map((closed, i) => {
        const height = closed === 0 ? 1 : Math.max(2, Math.round((closed / max) * 24));
        return <rect key={i} x={i * (barWidth + 2)} y={24 - height} width={barWidth} height={height} rx="1" fill="currentColor" opacity={closed === 0 ? 0.3 : 1} />;
      })}
    </svg>
  );
}

/**
 * "Are we going to make it?": the status in words and colour, the sentence to repeat, the 50% and
 * 85% dates, what remains and the pace, with the reasons; `form` (engineers) sets the plan.
 */
export function ForecastCard({ forecast, form }: { forecast: Forecast; form?: ReactNode }) {
  const tone = FORECAST_STATUS_TONES[forecast.status];
  const { remaining, throughput, prerequisites } = forecast;
  const waiting = prerequisites.reduce((sum, p) => sum + p.items, 0);
  return (
    <section aria-label="Forecast" data-testid="forecast" className={`rounded-lg border border-l-4 border-line bg-white p-4 shadow-sm break-inside-avoid ${EDGE[tone]}`}>
      <header className="flex flex-wrap items-center justify-between gap-2">
        <h2 className="text-base font-semibold">{forecast.phase ? `Will phase ${forecast.phase.order} make it?` : "Will we make it?"}</h2>
        <ForecastStatusPill status={forecast.status} />
      </header>
      <p className="mt-2 text-sm text-ink" data-testid="forecast-sentence">{forecast.sentence}</p>

      <dl className="mt-3 grid grid-cols-2 gap-3 text-sm lg:grid-cols-4">
        <Fact label="Target date" testId="forecast-target">
          <DateText iso={forecast.targetDate} empty="Not set" />
        </Fact>
        <Fact label="50% likely by" testId="forecast-p50">
          <DateText iso={forecast.projected.p50} />
        </Fact>
        <Fact label="85% likely by" testId="forecast-p85">
          <DateText iso={forecast.projected.p85} />
        </Fact>
        <Fact label="Remaining" testId="forecast-remaining">
          {remaining.items} open {remaining.items === 1 ? "item" : "items"}
          <span className="block text-xs font-normal text-muted">
            {formatHours(remaining.minHours, remaining.maxHours)}
            {remaining.unestimated > 0 && `, ${remaining.unestimated} unestimated`}
            {waiting > 0 && `; +${waiting} in the phases it waits on`}
          </span>
        </Fact>
      </dl>

      <div className="mt-3 flex flex-wrap items-center gap-3 text-sm" data-testid="forecast-throughput">
        {throughput.weeks > 0 ? (
          <>
            <Sparkline weeks={throughput.itemsPerWeek} />
            <span>
              Closed per week, last {throughput.weeks} full {throughput.weeks === 1 ? "week" : "weeks"}: <span className="tabular-nums">{throughput.itemsPerWeek.join(", ")}</span>
            </span>
          </>
        ) : (
          <span className="text-muted">No whole week of history yet.</span>
        )}
        <span className="text-xs text-muted">Projected {BASIS[forecast.basis]}.</span>
      </div>

      {forecast.reasons.length > 0 && (
        <ul className="mt-3 list-disc space-y-1 pl-5 text-xs text-gray-700" aria-label="Why">
          {forecast.reasons.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
      )}
      {form && <div className="mt-4 border-t border-line pt-3 print:hidden">{form}</div>}
    </section>
  );
}
