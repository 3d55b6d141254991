import Link from "next/link";
import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ComponentTable } from "@/components/component-table";
import { PhaseList } from "@/components/phase-list";
import { StatusBadge } from "@/components/item-badges";
import { SummaryCards } from "@/components/summary-cards";
import { getSummary, listComponents } from "@/lib/backlog/data";
import { formatHours } from "@/lib/backlog/effort";
import { productQuerySchema, STATUSES } from "@/lib/backlog/schema";
import { itemsUrl } from "@/lib/backlog/urls";
import { requirePageUser } from "@/lib/auth/session";
import { pagePath } from "@/lib/auth/next-path";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const query = await searchParams;
  await requirePageUser(pagePath("/", query));
  const { product } = productQuerySchema.parse(query);
  const [summary, components] = await Promise.all([getSummary(product), listComponents(product)]);

  if (!summary.product) {
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
  const { remainingEffort } = summary;
  const openCount = Object.values(summary.categories).reduce((sum, c) => sum + c.open, 0);

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <div>
          <h1 className="text-2xl font-semibold">Executive summary</h1>
          <p className="text-sm text-muted">Computed from the items of product {slug}; every number links to the items behind it.</p>
        </div>
        <p className="text-sm" data-testid="remaining-effort">
          Remaining effort: <strong>{formatHours(remainingEffort.minHours, remainingEffort.maxHours)}</strong> across {openCount} open items
          {remainingEffort.unestimated > 0 && ` (${remainingEffort.unestimated} without an estimate)`}
        </p>
      </div>
      <SummaryCards categories={summary.categories} hrefFor={(category) => itemsUrl({ product, category })} />
      <div className="grid gap-6 lg:grid-cols-3">
        <Card title="Items by status" className="lg:col-span-1">
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
        <Card title="Phases" className="lg:col-span-2">
          <PhaseList phases={summary.phases} hrefFor={(phase) => itemsUrl({ product, phase })} />
        </Card>
      </div>
      <Card title="Components">
        <ComponentTable components={components} product={product} itemsHref={(component) => itemsUrl({ product, component })} />
      </Card>
    </div>
  );
}
