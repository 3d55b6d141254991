import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { LiveRefresh } from "@/components/live-refresh";
import { BurndownChart } from "@/components/burndown-chart";
import { ForecastCard } from "@/components/forecast-card";
import { PhaseTargetForm } from "@/components/target-date-form";
import { getForecast, getPhasesBurndown } from "@/lib/forecast/data";
import { PhaseBoard } from "@/components/phase-board";
import { PhaseBoardTasks } from "@/components/phase-board-tasks";
import { PhasePlan } from "@/components/phase-plan";
import { Card } from "@/components/ui/card";
import { productQuerySchema } from "@/lib/backlog/schema";
import { getPhaseBoard } from "@/lib/phases/data";
import { isAppError } from "@/lib/errors";
import { mayOn } from "@/lib/products/data";
import { pageProduct } from "@/lib/products/page";
import { requirePageUser } from "@/lib/auth/session";
import { pagePath } from "@/lib/auth/next-path";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ key: string }>; searchParams: Promise<Record<string, string | string[]>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { key } = await params;
  return { title: decodeURIComponent(key) };
}

export default async function PhasePage({ params, searchParams }: Props) {
  const { key } = await params;
  const query = await searchParams;
  const user = await requirePageUser(pagePath(`/phases/${key}`, query));
  const product = await pageProduct(user, productQuerySchema.parse(query).product);
  const board = await getPhaseBoard(decodeURIComponent(key), product).catch((error: unknown) => {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  });
  const { phase } = board;
  const canEdit = await mayOn(user, board.product, "edit_items");
  const now = new Date();
  const forecast = await getForecast({ product: board.product, phase: phase.key, now });
  // The burndown counts what the forecast counts: this phase and the open phases it waits on.
  const burndown = await getPhasesBurndown({ product: board.product, phases: [phase.key, ...forecast.prerequisites.map((p) => p.key)], now });

  return (
    <div className="space-y-4">
      <Breadcrumbs items={[{ label: "Phases", href: `/phases?product=${encodeURIComponent(board.product)}` }, { label: `Phase ${phase.order}: ${phase.name}` }]} />
      <header className="space-y-1">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h1 className="text-2xl font-semibold">
            Phase {phase.order}: {phase.name}
          </h1>
          {/* The board and plan are TanStack Query views: live changes refetch them, no page refresh needed. */}
          <LiveRefresh product={board.product} refreshPage={false} />
        </div>
        {phase.estimateText && <p className="text-sm text-muted">Estimate: {phase.estimateText}</p>}
        {phase.deliverable && <p className="text-sm">Deliverable: {phase.deliverable}</p>}
      </header>
      <div className="grid gap-4 lg:grid-cols-2">
        <ForecastCard
          forecast={forecast}
          form={canEdit && <PhaseTargetForm product={board.product} phaseKey={phase.key} version={phase.version} targetDate={forecast.targetDate} />}
        />
        <BurndownChart points={burndown} forecast={forecast} scope={forecast.prerequisites.length > 0 ? "this phase and the phases it waits on" : "this phase"} />
      </div>
      <PhasePlan initial={board} canEdit={canEdit} />
      <PhaseBoard initial={board} canEdit={canEdit} />
      <Card title="Tasks">
        <PhaseBoardTasks tasks={phase.tasks} />
      </Card>
    </div>
  );
}
