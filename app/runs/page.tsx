import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AssignQueue } from "@/components/assign-queue";
import { Pagination } from "@/components/pagination";
import { QueryProblems } from "@/components/query-problems";
import { RunFilters } from "@/components/run-filters";
import { RunList } from "@/components/run-list";
import { RunCompareSelection } from "@/components/run-compare-select";
import { RunCounts, RunPassedBadge } from "@/components/run-badges";
import { DateText } from "@/components/ui/date-text";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { pagePath } from "@/lib/auth/next-path";
import { parseQuery } from "@/lib/query-params";
import { can } from "@/lib/auth/schema";
import { pageProduct } from "@/lib/products/page";
import { requirePageUser } from "@/lib/auth/session";
import { listComponents } from "@/lib/components/data";
import { isAppError } from "@/lib/errors";
import { runsUrl, runUrl } from "@/lib/preflight/client";
import { listRuns, runListQuerySchema } from "@/lib/preflight/data";
import { SUPPORTED_ARCHITECTURES } from "@/lib/preflight/schema";
import { architectureText, preflightText } from "@/lib/run-text";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Preflight runs" };

const PAGE_SIZE = 50;

function notFoundOnUnknownProduct(error: unknown): never {
  if (isAppError(error) && error.code === "not_found") notFound();
  throw error;
}

export default async function RunsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const raw = await searchParams;
  const user = await requirePageUser(pagePath("/runs", raw));
  if (!can(user, "read")) return <Alert title="Not allowed">Your role ({user.role}) may not read preflight runs.</Alert>;
  // A hand-edited URL with a bad value says so and applies the filters that are right.
  const { query, problems } = parseQuery(runListQuerySchema, raw);
  const filter = { ...query, product: await pageProduct(user, query.product), limit: PAGE_SIZE };
  const [{ runs, total }, components, waiting] = await Promise.all([
    listRuns(filter).catch(notFoundOnUnknownProduct),
    listComponents(filter.product).catch(notFoundOnUnknownProduct),
    listRuns(runListQuerySchema.parse({ product: filter.product, unassigned: "true", limit: "100" })).catch(notFoundOnUnknownProduct),
  ]);
  const mayAssign = can(user, "edit_items");
  const { product, component, arch, offset } = filter;
  const filtered = Boolean(component || arch);
  const uploadHref = product ? `/upload?product=${encodeURIComponent(product)}` : "/upload";
  const mayUpload = can(user, "upload_results");

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold">Preflight runs</h1>
        <div className="flex items-baseline gap-4">
          <p className="text-sm text-muted" aria-live="polite">
            {total} {total === 1 ? "run" : "runs"}
          </p>
          {mayUpload && (
            <Link href={uploadHref} className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-on-brand hover:bg-brand-700">
              Upload results
            </Link>
          )}
        </div>
      </div>
      <AssignQueue
        product={filter.product}
        total={waiting.total}
        mayAssign={mayAssign}
        components={components.map((c) => ({ slug: c.slug, name: c.name }))}
        runs={waiting.runs.map((run) => ({
          id: run.id,
          image: run.imageRef,
          summary: (
            <>
              <p className="font-mono text-xs break-all">{run.imageRef || "(no image named)"}</p>
              <p className="mt-0.5 flex flex-wrap items-center gap-2 text-xs text-muted">
                <Link href={runUrl(run.id)} className="text-blue-700 hover:underline"><DateText iso={run.createdAt} withTime /></Link>
                <span>{architectureText(run.architecture, "full")}</span>
                <span>{preflightText(run)}</span>
                <RunPassedBadge passed={run.passed} />
                <RunCounts counts={run.counts} />
                <span>by {run.actor}</span>
              </p>
            </>
          ),
        }))}
      />
      <QueryProblems problems={problems} clearHref={runsUrl({ product, component, arch })} />
      <RunFilters
        product={product}
        component={component}
        arch={arch}
        components={components.map((c) => ({ value: c.slug, label: c.name }))}
        architectures={SUPPORTED_ARCHITECTURES}
      />
      {runs.length === 0 ? (
        filtered ? (
          <EmptyState title="No runs match these filters">Change or clear the filters to see more.</EmptyState>
        ) : offset > 0 ? (
          <EmptyState title="No runs on this page">
            <Link href={runsUrl({ product })} className="text-blue-700 underline">Back to the first page</Link>
          </EmptyState>
        ) : (
          <EmptyState title="No preflight runs yet — upload results">
            {mayUpload ? (
              <Link href={uploadHref} className="text-blue-700 underline">Upload results.json files, folders or archives</Link>
            ) : (
              "Runs appear here once an engineer or a pipeline uploads preflight results."
            )}
          </EmptyState>
        )
      ) : (
        <RunCompareSelection product={product}>
          <RunList runs={runs} runHref={runUrl} selectable />
        </RunCompareSelection>
      )}
      <Pagination offset={offset} limit={PAGE_SIZE} total={total} hrefFor={(next) => runsUrl({ product, component, arch, offset: next })} />
    </div>
  );
}
