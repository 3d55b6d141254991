import Link from "next/link";
import { PhaseBoardLink } from "@/components/phase-board-link";
import { ProgressBar } from "@/components/ui/progress-bar";

type Phase = { key: string; order: number; name: string; estimateText: string | null; deliverable: string | null; total: number; done: number; progress: number };

export function PhaseList({ phases, hrefFor }: { phases: Phase[]; hrefFor: (key: string) => string }) {
  if (phases.length === 0) return <p className="text-sm text-muted">No phases yet. Import a backlog with an implementation plan to add them.</p>;
  return (
    <ol className="space-y-4">
      {phases.map((phase) => (
        <li key={phase.key}>
          <div className="flex items-baseline justify-between gap-2">
            <PhaseBoardLink phaseKey={phase.key} className="font-medium hover:underline">
              Phase {phase.order}: {phase.name}
            </PhaseBoardLink>
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
          {phase.deliverable && <p className="mt-1 text-xs text-muted">Deliverable: {phase.deliverable}</p>}
        </li>
      ))}
    </ol>
  );
}
