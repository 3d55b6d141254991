import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ComponentRunGrid } from "@/components/component-run-grid";
import { ComponentRunHistory } from "@/components/component-run-history";
import { CategoryBadge, StatusBadge } from "@/components/item-badges";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { pagePath } from "@/lib/auth/next-path";
import { requirePageUser } from "@/lib/auth/session";
import { CATEGORIES, CATEGORY_LABELS, productQuerySchema } from "@/lib/backlog/schema";
import { itemUrl } from "@/lib/backlog/urls";
import { getComponentBoard } from "@/lib/components/data";
import { isAppError } from "@/lib/errors";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[]>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: decodeURIComponent((await params).slug) };
}

export default async function ComponentPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const query = await searchParams;
  await requirePageUser(pagePath(`/components/${slug}`, query));
  const { product } = productQuerySchema.parse(query);
  const board = await getComponentBoard(decodeURIComponent(slug), product).catch((error: unknown) => {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  });
  const c = board.component;
  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm text-muted">
          {c.type.replace("_", " ")} · {c.role.replaceAll("_", " ")}
          {c.owner ? ` · ${c.owner}` : ""}
        </p>
        <h1 className="text-2xl font-semibold">{c.name}</h1>
        <p className="font-mono text-sm break-all text-gray-700">{c.placeholder ? "image to be decided" : `${c.registry}/${c.repository}`}</p>
        <div className="mt-2 flex flex-wrap gap-2 text-sm">
          <Badge tone={c.certificationStatus === "published" ? "green" : c.certificationStatus === "not_created" ? "gray" : "blue"}>
            Red Hat: {c.certificationStatus.replaceAll("_", " ")}
          </Badge>
          <Badge tone="purple" title={`host access ${c.hostAccess}, OS content ${c.osContentType}`}>
            {c.policy} policy
          </Badge>
          <span className="text-muted">
            {c.hostAccess === "privileged" ? "privileged host access (RunAsNonRoot does not apply)" : "unprivileged"}
            {c.osContentType === "scratch" ? "; scratch image (UBI checks do not apply)" : ""}
          </span>
        </div>
      </div>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {CATEGORIES.map((category) => (
          <div key={category} className="rounded-lg border border-line bg-white p-3 text-sm">
            <p className="text-muted">{CATEGORY_LABELS[category]}</p>
            <p className="text-2xl font-semibold" data-testid={`component-open-${category}`}>{board.openByCategory[category]}</p>
            <p className="text-xs text-muted">open</p>
          </div>
        ))}
      </div>
      <Card title="Tags × architectures (newest run)">
        <ComponentRunGrid grid={board.grid} />
        {board.staleness.length > 0 && (
          <ul className="mt-3 space-y-1 text-xs text-muted">
            {board.staleness.map((s) => (
              <li key={s.architecture}>
                {s.architecture}: {s.daysSinceLastPass === null ? "never passed" : `last passing run ${s.daysSinceLastPass} day${s.daysSinceLastPass === 1 ? "" : "s"} ago`}
              </li>
            ))}
          </ul>
        )}
      </Card>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={`Backlog items (${board.items.length})`}>
          {board.items.length === 0 ? (
            <p className="text-sm text-muted">No items are linked to this component.</p>
          ) : (
            <ul className="space-y-2 text-sm">
              {board.items.map((item) => (
                <li key={item.key} className="flex flex-wrap items-center gap-2">
                  <Link href={itemUrl(item.key, board.product)} className="font-mono text-xs text-blue-700 hover:underline">{item.key}</Link>
                  <span className={item.open ? "" : "text-muted line-through"}>{item.title}</span>
                  <CategoryBadge category={item.category} />
                  <StatusBadge status={item.status} />
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title="Run history">
          <ComponentRunHistory history={board.history} />
        </Card>
      </div>
    </div>
  );
}
