import type { Metadata } from "next";
import Link from "next/link";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { CompareSide, RunComparisonLists, RunComparisonUnchanged } from "@/components/run-compare";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { pagePath } from "@/lib/auth/next-path";
import { can } from "@/lib/auth/schema";
import { pageProduct } from "@/lib/products/page";
import { requirePageUser } from "@/lib/auth/session";
import { describeZodError, isAppError } from "@/lib/errors";
import { compareRunsUrl, runsUrl } from "@/lib/preflight/client";
import { getRunComparison, runCompareQuerySchema } from "@/lib/preflight/data";
import { architectureText, runLabel, versionText } from "@/lib/run-text";
import { componentUrl } from "@/lib/overview/urls";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Compare preflight runs" };

type Props = { searchParams: Promise<Record<string, string | string[]>> };

const one = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);

export default async function CompareRunsPage({ searchParams }: Props) {
  const raw = await searchParams;
  const user = await requirePageUser(pagePath("/runs/compare", raw));
  if (!can(user, "read")) return <Alert title="Not allowed">Your role ({user.role}) may not read preflight runs.</Alert>;
  const product = one(raw.product);
  const back = <Breadcrumbs items={[{ label: "Preflight runs", href: runsUrl({ product }) }, { label: "Compare runs" }]} />;

  if (!one(raw.from) && !one(raw.to)) {
    return (
      <div className="space-y-4">
        {back}
        <h1 className="text-2xl font-semibold">Compare preflight runs</h1>
        <EmptyState title="Pick two runs to compare">
          <Link href={runsUrl({ product })} className="text-blue-700 underline">Select two runs in the list of preflight runs</Link>, or mark one run From and another To in a component&apos;s run history.
        </EmptyState>
      </div>
    );
  }

  const parsed = runCompareQuerySchema.safeParse({ from: one(raw.from), to: one(raw.to), product });
  const result = parsed.success
    ? await getRunComparison(parsed.data).then(async (value) => {
        // Runs of a product this person may not see are "not found", exactly as unknown ids.
        await pageProduct(user, value.product);
        return value;
      }).then(
        (value) => ({ ok: true as const, value }),
        (error: unknown) => {
          if (isAppError(error) && (error.code === "not_found" || error.code === "invalid")) return { ok: false as const, message: error.message };
          throw error;
        },
      )
    : { ok: false as const, message: describeZodError(parsed.error) };

  if (!result.ok) {
    return (
      <div className="space-y-4">
        {back}
        <h1 className="text-2xl font-semibold">Compare preflight runs</h1>
        <Alert title="These runs cannot be compared">{result.message}</Alert>
      </div>
    );
  }

  const { from, to, comparison } = result.value;
  const backwards = from.createdAt > to.createdAt;
  const sameComponent = from.component?.slug === to.component?.slug;
  const nameOf = (side: typeof from) => side.component?.name ?? "an unassigned run";
  return (
    <div className="space-y-4">
      <Breadcrumbs
        items={[
          { label: "Preflight runs", href: runsUrl({ product: result.value.product }) },
          ...(sameComponent && to.component ? [{ label: to.component.name, href: componentUrl(to.component.slug, result.value.product) }] : []),
          { label: `Compare ${runLabel(from)} with ${runLabel(to)}` },
        ]}
      />
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold">Compare preflight runs</h1>
        <Link href={compareRunsUrl({ from: to.id, to: from.id, product: result.value.product })} className="text-sm text-blue-700 hover:underline">
          Swap From and To
        </Link>
      </div>
      <div className="grid gap-4 md:grid-cols-2">
        <CompareSide label="From" run={from} />
        <CompareSide label="To" run={to} />
      </div>
      {(backwards || !sameComponent || from.architecture !== to.architecture || from.preflightVersion !== to.preflightVersion) && (
        <ul className="list-disc space-y-0.5 pl-5 text-sm text-muted">
          {backwards && <li>From is newer than To: the lists read backwards in time.</li>}
          {!sameComponent && <li>The runs are of different components ({nameOf(from)} and {nameOf(to)}).</li>}
          {from.architecture !== to.architecture && <li>The runs are for different architectures ({architectureText(from.architecture)} and {architectureText(to.architecture)}).</li>}
          {from.preflightVersion !== to.preflightVersion && (
            <li>
              Preflight version changed: {versionText(from.preflightVersion)} → {versionText(to.preflightVersion)}
            </li>
          )}
        </ul>
      )}
      <Card title="What changed">
        <RunComparisonLists comparison={comparison} />
      </Card>
      <Card title={`Unchanged (${comparison.unchanged.length})`}>
        <RunComparisonUnchanged unchanged={comparison.unchanged} />
      </Card>
    </div>
  );
}
