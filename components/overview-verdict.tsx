import Link from "next/link";
import { forecastEdge, ForecastStatusPill } from "@/components/forecast-card";
import type { Forecast } from "@/lib/forecast/schema";

/** A headline figure the forecast's sentence does not already state, linking to what it counts; `id` names the quantity. */
export type VerdictFact = { id: string; label: string; value: string; href: string };

/**
 * The overview's first answer, "will we make it?": the forecast's status and sentence, the few
 * figures the sentence leaves out, and the reasons one click away. `planHref` (engineers) is where
 * the target date is set; without a target the card says so and links there.
 */
export function OverviewVerdict({ forecast, facts, planHref }: { forecast: Forecast; facts: VerdictFact[]; planHref?: string }) {
  const noTarget = forecast.targetDate === null;
  return (
    <section aria-label="Forecast" data-testid="forecast" className={`flex h-full flex-col gap-3 rounded-lg border border-l-4 border-line bg-white p-4 shadow-sm break-inside-avoid ${forecastEdge(forecast.status)}`}>
      <header className="flex flex-wrap items-center justify-between gap-2">
        <h2 className="text-base font-semibold">Will we make it?</h2>
        <ForecastStatusPill status={forecast.status} />
      </header>
      <p className="text-base text-ink" data-testid="forecast-sentence" data-figure={forecast.sentenceFigures.join(" ")}>
        {forecast.sentence}
      </p>
      {noTarget && (
        <p className="text-sm text-gray-700" data-testid="forecast-no-target">
          No target date is set, so there is nothing to be on time for yet.{" "}
          {planHref ? (
            <Link href={planHref} className="font-medium text-blue-700 underline print:hidden">
              Set a target date
            </Link>
          ) : (
            "An engineer can set one."
          )}
        </p>
      )}
      {facts.length > 0 && (
        <dl className="grid grid-cols-2 gap-x-4 gap-y-2 border-t border-line pt-3 text-sm sm:grid-cols-3" data-testid="overview-facts">
          {facts.map((fact) => (
            <div key={fact.id} className="min-w-0">
              <dt className="text-xs text-muted">{fact.label}</dt>
              <dd className="mt-0.5 font-semibold tabular-nums">
                <Link href={fact.href} className="hover:underline" data-testid={`overview-${fact.id}`} data-figure={fact.id}>
                  {fact.value}
                </Link>
              </dd>
            </div>
          ))}
        </dl>
      )}
      {forecast.reasons.length > 0 && (
        <details className="mt-auto text-sm print:hidden">
          <summary className="cursor-pointer text-blue-700">How this is worked out</summary>
          <ul className="mt-2 list-disc space-y-1 pl-5 text-xs text-gray-700" aria-label="Why">
            {forecast.reasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        </details>
      )}
      {!noTarget && planHref && (
        <Link href={planHref} className="text-sm text-blue-700 hover:underline print:hidden">
          Change the target date or hours per week
        </Link>
      )}
    </section>
  );
}
