import Link from "next/link";
import { PhaseStateBadge } from "@/components/phase-gate-badges";
import type { PhaseWaitingOn } from "@/lib/phases/schema";
import { phaseBoardUrl } from "@/lib/phases/schema";

/** For a component's board: the phases gated on it, and how many images each still waits for. */
export function PhaseWaitingOnList({ phases, product }: { phases: PhaseWaitingOn[]; product: string }) {
  if (phases.length === 0) return <p className="text-sm text-muted">No phase waits for this component.</p>;
  return (
    <ul className="space-y-2 text-sm" data-testid="phases-waiting-on">
      {phases.map((phase) => (
        <li key={phase.key} className="space-y-1">
          <div className="flex flex-wrap items-center gap-2">
            <Link href={phaseBoardUrl(phase.key, product)} className="font-medium text-blue-700 hover:underline">
              Phase {phase.order}: {phase.name}
            </Link>
            <PhaseStateBadge completed={phase.completed} canComplete={phase.gate.canComplete} />
          </div>
          <p className="text-muted">
            {phase.component.satisfied ? "This image is certified and published" : "Waits for this image to be certified and published"}
            {phase.gate.images.total > 0 && ` · ${phase.gate.images.waiting} of ${phase.gate.images.total} referenced images still missing`}
            {phase.gate.phases.waiting > 0 && ` · ${phase.gate.phases.waiting} prerequisite ${phase.gate.phases.waiting === 1 ? "phase" : "phases"} open`}
          </p>
        </li>
      ))}
    </ul>
  );
}
