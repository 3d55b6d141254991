import Link from "next/link";
import { PhaseBoardLink } from "@/components/phase-board-link";
import { PhaseStateBadge } from "@/components/phase-gate-badges";
import { ProgressBar } from "@/components/ui/progress-bar";
import type { PhaseBoardSummary } from "@/lib/phases/schema";

/** What /phases knows beyond progress: completion, what the phase waits for and what is missing. */
type PhasePlanFacts = Pick<PhaseBoardSummary, "completedAt" | "dependencies" | "blockedBy" | "gate">;

type Phase = {
  key: string;
  order: number;
  name: string;
  estimateText: string | null;
  deliverable: string | null;
  total: number;
  done: number;
  progress: number;
  plan?: PhasePlanFacts;
};

/** "Waits for Phase 1, Phase 2 (both complete) · waiting on 6 of 6 referenced images: A, B, …" */
function PlanLine({ plan }: { plan: PhasePlanFacts }) {
  const { dependencies, blockedBy, gate } = plan;
  if (gate.total === 0) return null;
  const parts: string[] = [];
  if (dependencies.phases.length > 0) {
    parts.push(`Waits for ${dependencies.phases.map((p) => `Phase ${p.order} (${p.completed ? "complete" : "open"})`).join(", ")}`);
  }
  if (gate.images.total > 0) {
    parts.push(
      gate.images.waiting === 0
        ? `all ${gate.images.total} referenced images certified and published`
        : `waiting on ${gate.images.waiting} of ${gate.images.total} referenced images: ${blockedBy.components.map((c) => c.name).join(", ")}`,
    );
  }
  return <p className="mt-1 text-xs text-muted">{parts.join(" · ")}</p>;
}

export function PhaseList({ phases, hrefFor }: { phases: Phase[]; hrefFor: (key: string) => string }) {
  if (phases.length === 0) return <p className="text-sm text-muted">No phases yet. Import a backlog with an implementation plan to add them.</p>;
  return (
    <ol className="space-y-4">
      {phases.map((phase) => (
        <li key={phase.key} data-testid={`phase-summary-${phase.key}`}>
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <span className="flex flex-wrap items-baseline gap-2">
              <PhaseBoardLink phaseKey={phase.key} className="font-medium hover:underline">
                Phase {phase.order}: {phase.name}
              </PhaseBoardLink>
              {phase.plan && <PhaseStateBadge completed={phase.plan.completedAt !== null} canComplete={phase.plan.gate.canComplete} />}
            </span>
            <span className="text-sm text-muted">
              <Link href={hrefFor(phase.key)} className="hover:underline">
                {phase.done}/{phase.total} items
              </Link>
              {phase.estimateText ? ` · est. ${phase.estimateText}` : ""}
            </span>
          </div>
          <div className="mt-1">
            <ProgressBar value={phase.progress} label={`Phase ${phase.order} progress`} />
          </div>
          {phase.plan && <PlanLine plan={phase.plan} />}
          {phase.deliverable && <p className="mt-1 text-xs text-muted">Deliverable: {phase.deliverable}</p>}
        </li>
      ))}
    </ol>
  );
}
