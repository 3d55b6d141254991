import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PhaseList } from "@/components/phase-list";
import { Card } from "@/components/ui/card";
import { productQuerySchema } from "@/lib/backlog/schema";
import { itemsUrl } from "@/lib/backlog/urls";
import { listPhaseBoards } from "@/lib/phases/data";
import { isAppError } from "@/lib/errors";
import { requirePageUser } from "@/lib/auth/session";
import { pagePath } from "@/lib/auth/next-path";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Phases" };

export default async function PhasesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const query = await searchParams;
  await requirePageUser(pagePath("/phases", query));
  const { product } = productQuerySchema.parse(query);
  const { product: slug, phases } = await listPhaseBoards(product).catch((error: unknown) => {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  });

  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Phases</h1>
      <Card>
        <PhaseList
          phases={phases.map((p) => ({ ...p, total: p.progress.total, done: p.progress.done, progress: p.progress.byCount }))}
          hrefFor={(phase) => itemsUrl({ product: slug ?? undefined, phase })}
        />
      </Card>
    </div>
  );
}
