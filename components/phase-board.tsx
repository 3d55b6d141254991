"use client";

import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { newItemUrl } from "@/lib/backlog/urls";
import { PhaseBoardEditable, PhaseBoardStatic } from "@/components/phase-board-kanban";
import { PhaseBoardProgress } from "@/components/phase-board-progress";
import { usePendingMoves, useMoveItem, usePhaseBoard } from "@/lib/phases/client";
import type { PhaseBoard as Board } from "@/lib/phases/schema";

/** The client-owned part of the phase page: progress and the kanban, polled and moved through TanStack Query. */
export function PhaseBoard({ initial, canEdit }: { initial: Board; canEdit: boolean }) {
  const { data: board, error, isRefetchError } = usePhaseBoard(initial);
  const move = useMoveItem(board.product, board.phase.key);
  const pending = usePendingMoves(board.product, board.phase.key);

  return (
    <div className="space-y-4">
      {isRefetchError && (
        <Alert tone="warning" title="The board could not be refreshed">
          {error.message} It shows the last state loaded and will try again shortly.
        </Alert>
      )}
      <Card title="Progress">
        <PhaseBoardProgress progress={board.progress} phaseOrder={board.phase.order} />
      </Card>
      <section aria-label="Board" className="space-y-2">
        <h2 className="text-base font-semibold">Board</h2>
        {board.progress.total === 0 ? (
          <EmptyState title="No items in this phase yet">
            {canEdit && (
              <>
                <Link href={newItemUrl(board.product, { phase: board.phase.key })} className="text-blue-700 underline">Create an item in this phase</Link>,{" "}
              </>
            )}
            assign items to it on their item pages, or re-import a backlog whose plan names them.
          </EmptyState>
        ) : canEdit ? (
          <PhaseBoardEditable columns={board.columns} product={board.product} phaseKey={board.phase.key} pending={pending} onMove={(item, to) => move.mutate({ item, to })} />
        ) : (
          <PhaseBoardStatic columns={board.columns} product={board.product} />
        )}
      </section>
    </div>
  );
}
