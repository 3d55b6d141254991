"use client";

import { PhaseCriticalPath } from "@/components/phase-critical-path";
import { PhaseDependencies } from "@/components/phase-dependencies";
import { Card } from "@/components/ui/card";
import { usePhaseBoard, useSetPhaseCompleted } from "@/lib/phases/client";
import type { PhaseBoard } from "@/lib/phases/schema";

/** The phase's dependencies and critical path, on the same polled board query as the kanban. */
export function PhasePlan({ initial, canEdit }: { initial: PhaseBoard; canEdit: boolean }) {
  const { data: board } = usePhaseBoard(initial);
  const setCompleted = useSetPhaseCompleted(board.product, board.phase.key);

  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Card title="Dependencies">
        <PhaseDependencies
          board={board}
          canEdit={canEdit}
          saving={setCompleted.isPending}
          onSetCompleted={(completed) => setCompleted.mutate({ version: board.phase.version, completed })}
        />
      </Card>
      <Card title="Critical path">
        <p className="mb-2 text-xs text-muted">Open items that hold up this phase or phases after it, the most held-up work first.</p>
        <PhaseCriticalPath entries={board.criticalPath} product={board.product} empty="Nothing here holds up another phase." />
      </Card>
    </div>
  );
}
