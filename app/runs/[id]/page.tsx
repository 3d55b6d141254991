import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { AssignRunForm } from "@/components/assign-run-form";
import { RunChecksTable } from "@/components/run-checks-table";
import { RunDiff } from "@/components/run-diff";
import { RunItems } from "@/components/run-items";
import { RunSummary } from "@/components/run-summary";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { pagePath } from "@/lib/auth/next-path";
import { can } from "@/lib/auth/schema";
import { pageProduct } from "@/lib/products/page";
import { requirePageUser } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { isFirstRunDiff, readRunDiff, runsUrl } from "@/lib/preflight/client";
import { listComponents } from "@/lib/components/data";
import { getRunWithItems } from "@/lib/history/data";
import { runLabel } from "@/lib/run-text";
import { componentUrl } from "@/lib/overview/urls";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Preflight run" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[]>> };

export default async function RunPage({ params, searchParams }: Props) {
  const { id } = await params;
  const user = await requirePageUser(pagePath(`/runs/${id}`, await searchParams));
  if (!can(user, "read")) {
    return <Alert title="Not allowed">Your role ({user.role}) may not read preflight runs.</Alert>;
  }
  const runId = z.uuid().safeParse(id);
  if (!runId.success) notFound();
  const run = await getRunWithItems(runId.data).catch((error: unknown) => {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  });
  // A run of a product this person may not see does not exist for them.
  if ((await pageProduct(user, run.product)) === undefined) notFound();
  const diff = readRunDiff(run.diff);
  const mayAssign = run.component === null && can(user, "edit_items");
  const components = mayAssign ? await listComponents(run.product) : [];
  const firstRun = diff !== null && isFirstRunDiff(diff, run.checks.map((c) => c.canonicalName));

  return (
    <div className="space-y-4">
      <Breadcrumbs
        items={[
          { label: "Preflight runs", href: runsUrl({ product: run.product }) },
          ...(run.component ? [{ label: run.component.name, href: componentUrl(run.component.slug, run.product) }] : []),
          { label: runLabel(run) },
        ]}
      />
      <RunSummary run={run} />
      {run.component === null && (
        <Alert tone="warning" title="Unassigned: this run is evidence for no component yet">
          <p>No component is registered for its image, so it changed nothing in the backlog. Assigning it attaches it and reconciles it then.</p>
          {mayAssign && (
            <div className="mt-2">
              <AssignRunForm product={run.product} runId={run.id} image={run.imageRef} components={components.map((c) => ({ slug: c.slug, name: c.name }))} />
            </div>
          )}
        </Alert>
      )}
      {run.warnings.length > 0 && (
        <Alert tone="warning" title="Notes on this run">
          <ul className="list-disc pl-5">
            {run.warnings.map((w, i) => <li key={i} className="break-words">{w}</li>)}
          </ul>
        </Alert>
      )}
      <Card title="Changes since the previous run">
        {run.component === null ? (
          <p className="text-sm text-muted">An unassigned run is compared with nothing: it gets its diff against the component&apos;s previous run when it is assigned.</p>
        ) : (
          <RunDiff diff={diff} firstRun={firstRun} />
        )}
      </Card>
      <Card title={`Items this run touched (${run.items.length})`}>
        <RunItems items={run.items} />
      </Card>
      <Card title={`Checks (${run.checks.length})`}>
        <RunChecksTable checks={run.checks} />
      </Card>
    </div>
  );
}
