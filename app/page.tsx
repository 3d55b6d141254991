import Link from "next/link";
import type { Metadata } from "next";
import { BurndownChart } from "@/components/burndown-chart";
import { ForecastCard } from "@/components/forecast-card";
import { ProductPlanForm } from "@/components/target-date-form";
import { getForecast } from "@/lib/forecast/data";
import { CategoryStatusChart } from "@/components/category-status-chart";
import { ComponentTiles } from "@/components/component-tiles";
import { EventFeed } from "@/components/event-feed";
import { EventFilters } from "@/components/event-filters";
import { LiveRefresh } from "@/components/live-refresh";
import { OverviewCards, type OverviewCard } from "@/components/overview-cards";
import { PhaseList } from "@/components/phase-list";
import { PrintButton } from "@/components/print-button";
import { QueryProblems } from "@/components/query-problems";
import { ReadinessPanel } from "@/components/readiness-panel";
import { RunsPerWeekChart } from "@/components/runs-per-week-chart";
import { StatusBadge } from "@/components/item-badges";
import { SummaryCards } from "@/components/summary-cards";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { mayOn } from "@/lib/products/data";
import { getSummary } from "@/lib/backlog/data";
import { formatHours } from "@/lib/backlog/effort";
import { STATUSES } from "@/lib/backlog/schema";
import { itemsUrl } from "@/lib/backlog/urls";
import { pageProduct } from "@/lib/products/page";
import { requirePageUser } from "@/lib/auth/session";
import { pagePath } from "@/lib/auth/next-path";
import { parseQuery } from "@/lib/query-params";
import { getOverview, listEvents } from "@/lib/overview/data";
import { getReadiness } from "@/lib/readiness/data";
import { DEFAULT_EVENT_LIMIT, EVENT_WINDOW_DAYS, overviewQuerySchema } from "@/lib/overview/schema";
import { overviewUrl, statusReportUrl } from "@/lib/overview/urls";
import { isAppError } from "@/lib/errors";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const raw = await searchParams;
  const user = await requirePageUser(pagePath("/", raw));
  // A hand-edited URL with a bad filter says so and applies the filters that are right.
  const { query, problems } = parseQuery(overviewQuerySchema, raw);
  const product = await pageProduct(user, query.product);
  const now = new Date();
  const [summary, overview, readiness] = await Promise.all([
    getSummary(product),
    getOverview(product, now),
    // No product yet is the empty state below, not an error.
    getReadiness(product, now).catch((error: unknown) => {
      if (isAppError(error) && error.code === "not_found") return null;
      throw error;
    }),
  ]);

  if (!summary.product || !overview || !readiness) {
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
  const feed = await listEvents({ product: slug, component, kind: query.kind && [query.kind], limit: DEFAULT_EVENT_LIMIT }, now);
  const forecast = await getForecast({ product: slug, now });
  const { remainingEffort, categories, phases } = summary;
  const openCount = Object.values(categories).reduce((sum, c) => sum + c.open, 0);
  const phasesComplete = phases.filter((p) => p.total > 0 && p.done === p.total).length;
  const phaseItems = phases.reduce((acc, p) => ({ done: acc.done + p.done, total: acc.total + p.total }), { done: 0, total: 0 });
  const productQuery = product ? `?product=${encodeURIComponent(product)}` : "";

  const cards: OverviewCard[] = [
    {
      id: "open-blockers",
      label: "Open critical blockers",
      value: String(categories.critical_blocker.open),
      detail: `of ${categories.critical_blocker.total} critical blockers`,
      href: itemsUrl({ product, category: "critical_blocker" }),
      tone: categories.critical_blocker.open > 0 ? "red" : "green",
    },
    {
      id: "needs-verification",
      label: "Items needing verification",
      value: String(categories.needs_verification.open),
      detail: `open, of ${categories.needs_verification.total}`,
      href: itemsUrl({ product, category: "needs_verification" }),
      tone: categories.needs_verification.open > 0 ? "amber" : "green",
    },
    {
      id: "certified",
      label: "Components certified",
      value: `${overview.components.certified} of ${overview.components.total}`,
      detail: "of the vendor's own images and bundle (Red Hat's are certified already)",
      href: "#components",
      tone: overview.components.total > 0 && overview.components.certified === overview.components.total ? "green" : "blue",
    },
    {
      id: "phases",
      label: "Phases complete",
      value: `${phasesComplete} of ${phases.length}`,
      detail: phaseItems.total ? `${phaseItems.done} of ${phaseItems.total} phase items closed (${Math.round((phaseItems.done / phaseItems.total) * 100)}%)` : "no items in phases yet",
      href: `/phases${productQuery}`,
      tone: phases.length > 0 && phasesComplete === phases.length ? "green" : "blue",
    },
  ];
  const filtered = Boolean(component || query.kind);

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
            Computed from the items of product {slug}; every number links to the items behind it.
            <span className="hidden print:inline"> Printed {now.toISOString().slice(0, 16).replace("T", " ")} UTC.</span>
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-2 print:hidden">
          <a
            href={statusReportUrl(slug)}
            download
            className="rounded-md bg-brand-600 px-2.5 py-1 text-sm font-medium text-on-brand hover:bg-brand-700"
          >
            Download status report
          </a>
          <PrintButton />
        </div>
      </div>
      <p className="text-sm" data-testid="remaining-effort">
        Remaining effort: <strong>{formatHours(remainingEffort.minHours, remainingEffort.maxHours)}</strong> across {openCount} open items
        {remainingEffort.unestimated > 0 && ` (${remainingEffort.unestimated} without an estimate)`}
      </p>
      <ForecastCard
        forecast={forecast}
        form={canEdit && <ProductPlanForm product={slug} targetDate={forecast.targetDate} hoursPerWeek={forecast.hoursPerWeek} />}
      />
      <OverviewCards cards={cards} />
      <div id="what-remains" className="scroll-mt-4">
        <Card title="What remains before we are listed" className="print:shadow-none">
          <ReadinessPanel readiness={readiness} canSignOff={canEdit} />
        </Card>
      </div>
      <SummaryCards categories={categories} hrefFor={(category) => itemsUrl({ product, category })} />

      <section aria-label="Trends" className="grid gap-6 lg:grid-cols-3 print:grid-cols-1">
        <BurndownChart points={overview.burndown} forecast={forecast} />
        <CategoryStatusChart rows={overview.categoryStatus} />
        <RunsPerWeekChart
          weeks={overview.runsPerWeek}
          empty={
            (await mayOn(user, slug, "upload_results")) ? (
              <Link href={`/upload${productQuery}`} className="text-blue-700 underline">Upload preflight results</Link>
            ) : (
              "Runs appear once an engineer or a pipeline uploads preflight results."
            )
          }
        />
      </section>

      <div id="components" className="scroll-mt-4">
        <Card title={`Components (${overview.tiles.length})`} className="print:shadow-none">
          <ComponentTiles tiles={overview.tiles} product={product} now={now.toISOString()} />
        </Card>
      </div>

      <div className="grid gap-6 lg:grid-cols-3">
        <Card title="Items by status" className="break-inside-avoid lg:col-span-1 print:shadow-none">
          <ul className="space-y-2 text-sm">
            {STATUSES.map((status) => (
              <li key={status} className="flex items-center justify-between">
                <Link href={itemsUrl({ product, status })} className="hover:underline">
                  <StatusBadge status={status} />
                </Link>
                <span className="tabular-nums" data-testid={`status-count-${status}`}>{summary.statuses[status]}</span>
              </li>
            ))}
          </ul>
        </Card>
        <Card title="Phases" className="break-inside-avoid lg:col-span-2 print:shadow-none">
          <PhaseList phases={phases} hrefFor={(phase) => itemsUrl({ product, phase })} />
        </Card>
      </div>

      <div id="what-changed" className="scroll-mt-4">
        <Card title={`What changed in the last ${EVENT_WINDOW_DAYS} days`} className="print:shadow-none">
          <div className="space-y-3">
            <EventFilters product={product} component={component} kind={query.kind} components={overview.tiles.map((t) => ({ value: t.slug, label: t.name }))} />
            {feed.events.length === 0 ? (
              <p className="text-sm text-muted" data-testid="event-feed-empty">
                {filtered ? `No events match these filters in the last ${EVENT_WINDOW_DAYS} days.` : `Nothing changed in the last ${EVENT_WINDOW_DAYS} days.`}
              </p>
            ) : (
              <>
                <EventFeed events={feed.events} now={now.toISOString()} />
                {feed.truncated && <p className="text-xs text-muted">Showing the newest {feed.events.length} events; filter by component or kind to see others.</p>}
              </>
            )}
          </div>
        </Card>
      </div>
    </div>
  );
}
