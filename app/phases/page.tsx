import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PhaseCriticalPath } from "@/components/phase-critical-path";
import { PhaseList } from "@/components/phase-list";
import { Card } from "@/components/ui/card";
import { productQuerySchema } from "@/lib/backlog/schema";
import { itemsUrl } from "@/lib/backlog/urls";
import { listPhaseBoards } from "@/lib/phases/data";
import { isAppError } from "@/lib/errors";
import { pageProduct } from "@/lib/products/page";
import { requirePageUser } from "@/lib/auth/session";
import { pagePath } from "@/lib/auth/next-path";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Phases" };

export default async function PhasesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const query = await searchParams;
  const user = await requirePageUser(pagePath("/phases", query));
  const product = await pageProduct(user, productQuerySchema.parse(query).product);
  const { product: slug, phases, criticalPath } = await listPhaseBoards(product).catch((error: unknown) => {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  });

  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Phases</h1>
      <Card>
        <PhaseList
          phases={phases.map((p) => ({ ...p, total: p.progress.total, done: p.progress.done, progress: p.progress.byCount, plan: p }))}
          hrefFor={(phase) => itemsUrl({ product: slug ?? undefined, phase })}
        />
      </Card>
      {slug && phases.length > 0 && (
        <Card title="Critical path">
          <p className="mb-2 text-xs text-muted">Open items that hold up later phases (through a phase they wait for, or an image a phase is gated on), the most held-up work first.</p>
          <PhaseCriticalPath entries={criticalPath} product={slug} empty="No open item holds up another phase." />
        </Card>
      )}
    </div>
  );
}
