import Link from "next/link";
import type { Metadata } from "next";
import { Suspense } from "react";
import { WhatChanged } from "@/app/_overview/what-changed";
import { WhatRemains } from "@/app/_overview/what-remains";
import { BlockerList } from "@/components/blocker-list";
import { BurndownChart } from "@/components/burndown-chart";
import { CategoryStatusChart } from "@/components/category-status-chart";
import { ComponentTiles } from "@/components/component-tiles";
import { EventFilters } from "@/components/event-filters";
import { LiveRefresh } from "@/components/live-refresh";
import { OverviewVerdict, type VerdictFact } from "@/components/overview-verdict";
import { PrintButton } from "@/components/print-button";
import { QueryProblems } from "@/components/query-problems";
import { RunsPerWeekChart } from "@/components/runs-per-week-chart";
import { ProductPlanForm } from "@/components/target-date-form";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { requirePageUser } from "@/lib/auth/session";
import { pagePath } from "@/lib/auth/next-path";
import { getSummary } from "@/lib/backlog/data";
import { formatHours } from "@/lib/backlog/effort";
import { itemsUrl } from "@/lib/backlog/urls";
import { parseQuery } from "@/lib/query-params";
import { getForecast } from "@/lib/forecast/data";
import { getOverview } from "@/lib/overview/data";
import { EVENT_WINDOW_DAYS, OVERVIEW_TILES, overviewQuerySchema } from "@/lib/overview/schema";
import { componentsUrl, overviewUrl, statusReportUrl } from "@/lib/overview/urls";
import { mayOn } from "@/lib/products/data";
import { pageProduct } from "@/lib/products/page";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const raw = await searchParams;
  const user = await requirePageUser(pagePath("/", raw));
  // A hand-edited URL with a bad filter says so and applies the filters that are right.
  const { query, problems } = parseQuery(overviewQuerySchema, raw);
  const product = await pageProduct(user, query.product);
  const now = new Date();
  const [summary, overview] = await Promise.all([getSummary(product), getOverview(product, now)]);

  if (!summary.product || !overview) {
    return (
      <EmptyState title="No backlog yet">
        <Link href="/import" className="text-blue-700 underline">
          Import your certification backlog document
        </Link>{" "}
        to get started.
      </EmptyState>
    );
  }
  const slug = summary.product;
  const canEdit = await mayOn(user, slug, "edit_items");
  // A component filter naming no component of this product is dropped and reported, like any other bad value.
  const component = overview.tiles.some((t) => t.slug === query.component) ? query.component : undefined;
  const filterProblems = query.component && !component
    ? [...problems, { param: "component", value: query.component, message: `component: "${query.component}" is not a component of ${slug}` }]
    : problems;
  const allChanges = Boolean(component || query.kind) || query.changes === "all";
  const [forecast, canUpload] = await Promise.all([
    getForecast({ product: slug, now }),
    mayOn(user, slug, "upload_results"),
  ]);
  const { phases } = summary;
  const phasesComplete = phases.filter((p) => p.total > 0 && p.done === p.total).length;
  const productQuery = product ? `?product=${encodeURIComponent(product)}` : "";
  const blockersHref = itemsUrl({ product, category: "critical_blocker" });

  // Only what the forecast's sentence leaves out, so no figure is stated twice.
  const facts: VerdictFact[] = [
    { id: "remaining-effort", label: "Estimated work left", value: formatHours(forecast.remaining.minHours, forecast.remaining.maxHours), href: itemsUrl({ product }) },
    { id: "components-certified", label: "Components certified by Red Hat", value: `${overview.components.certified} of ${overview.components.total}`, href: "#components" },
    { id: "phases-complete", label: "Phases complete", value: `${phasesComplete} of ${phases.length}`, href: `/phases${productQuery}` },
  ];

  return (
    <div className="space-y-6">
      <QueryProblems problems={filterProblems} clearHref={overviewUrl({ product, component, kind: query.kind })} />
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <div className="flex flex-wrap items-center gap-3">
            <h1 className="text-2xl font-semibold">Executive summary</h1>
            <span className="print:hidden">
              <LiveRefresh product={slug} />
            </span>
          </div>
          <p className="text-sm text-muted">
            Computed from the items of product {slug}.
            <span className="hidden print:inline"> Printed {now.toISOString().slice(0, 16).replace("T", " ")} UTC.</span>
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-2 print:hidden">
          <a href={statusReportUrl(slug)} download className="rounded-md bg-brand-600 px-2.5 py-1 text-sm font-medium text-on-brand hover:bg-brand-700">
            Download status report
          </a>
          <PrintButton />
        </div>
      </div>

      <section aria-label="Summary" data-testid="overview-summary" className="grid gap-6 lg:grid-cols-12">
        <div className="lg:col-span-5">
          <OverviewVerdict forecast={forecast} facts={facts.filter((f) => !(forecast.sentenceFigures as string[]).includes(f.id))} planHref={canEdit ? "#plan" : undefined} />
        </div>
        <div className="lg:col-span-7">
          <BlockerList
            blockers={overview.blockers}
            product={slug}
            now={now.toISOString()}
            allHref={blockersHref}
            more={summary.categories.critical_blocker.open > overview.blockers.length}
          />
        </div>
      </section>

      <div id="what-changed" className="scroll-mt-4">
        <Card title={`What changed in the last ${EVENT_WINDOW_DAYS} days`} className="print:shadow-none">
          <div className="space-y-3">
            <EventFilters product={product} component={component} kind={query.kind} components={overview.tiles.map((t) => ({ value: t.slug, label: t.name }))} />
            <Suspense fallback={<Loading what="the week's changes" />}>
              <WhatChanged product={product} slug={slug} query={query} component={component} all={allChanges} now={now} />
            </Suspense>
          </div>
        </Card>
      </div>

      <div id="what-remains" className="scroll-mt-4">
        <Card title="What remains before we are listed" className="print:shadow-none">
          <Suspense fallback={<Loading what="what remains" />}>
            <WhatRemains product={product} slug={slug} all={query.readiness === "all"} canSignOff={canEdit} now={now} />
          </Suspense>
        </Card>
      </div>

      <section aria-label="Trends" className="grid gap-6 lg:grid-cols-3 print:grid-cols-1">
        {/* Only what the chart draws of the forecast: a client component's props are sent twice (HTML and RSC payload). */}
        <BurndownChart points={overview.burndown} forecast={{ projected: forecast.projected, targetDate: forecast.targetDate }} />
        <CategoryStatusChart rows={overview.categoryStatus} />
        <RunsPerWeekChart
          weeks={overview.runsPerWeek}
          empty={
            canUpload ? (
              <Link href={`/upload${productQuery}`} className="text-blue-700 underline print:hidden">Upload preflight results</Link>
            ) : (
              "Runs appear once an engineer or a pipeline uploads preflight results."
            )
          }
        />
      </section>

      <div id="components" className="scroll-mt-4">
        <Card title="Components" className="print:shadow-none">
          <ComponentTiles tiles={overview.tiles.slice(0, OVERVIEW_TILES)} product={product} now={now.toISOString()} />
          {overview.tiles.length > OVERVIEW_TILES && (
            <p className="mt-3 text-sm print:hidden">
              <Link href={componentsUrl(product)} className="text-blue-700 hover:underline" data-testid="tiles-more">
                See all {overview.tiles.length} components ({overview.tiles.length - OVERVIEW_TILES} more)
              </Link>
            </p>
          )}
        </Card>
      </div>

      {canEdit && (
        <div id="plan" className="scroll-mt-4 print:hidden">
          <Card title="Plan">
            <ProductPlanForm product={slug} targetDate={forecast.targetDate} hoursPerWeek={forecast.hoursPerWeek} />
          </Card>
        </div>
      )}
    </div>
  );
}

function Loading({ what }: { what: string }) {
  return (
    <p className="text-sm text-muted" role="status">
      Loading {what}…
    </p>
  );
}
