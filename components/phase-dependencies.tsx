"use client";

import Link from "next/link";
import { useState } from "react";
import { PhaseCompleteDialog } from "@/components/phase-complete-dialog";
import { CertificationStatusBadge, PhaseStateBadge } from "@/components/phase-gate-badges";
import { Button } from "@/components/ui/button";
import { DateText } from "@/components/ui/date-text";
import type { PhaseBoard } from "@/lib/phases/schema";
import { componentUrl } from "@/lib/overview/urls";
import { phaseBoardUrl } from "@/lib/phases/schema";
import { openItemsOf, openItemsSentence } from "@/lib/phases/board-messages";

/** "Waiting on 6 of 6 referenced images: A, B, …" or, once none is missing, that they all are ready. */
export function imagesLine(board: Pick<PhaseBoard, "gate" | "blockedBy">): string | null {
  const { images } = board.gate;
  if (images.total === 0) return null;
  if (images.waiting === 0) return `All ${images.total} referenced ${images.total === 1 ? "image is" : "images are"} certified and published.`;
  return `Waiting on ${images.waiting} of ${images.total} referenced ${images.total === 1 ? "image" : "images"}: ${board.blockedBy.components.map((c) => c.name).join(", ")}.`;
}

type Props = {
  board: PhaseBoard;
  canEdit: boolean;
  saving: boolean;
  onSetCompleted: (completed: boolean) => void;
};

/**
 * What the phase waits for, each dependency's state in words, and the complete/reopen control.
 * Completing a phase with open items asks first, naming them; the server's gate still decides
 * whether its dependencies allow it.
 */
export function PhaseDependencies({ board, canEdit, saving, onSetCompleted }: Props) {
  const { dependencies, dependents, gate, phase, product } = board;
  const completed = phase.completedAt !== null;
  const line = imagesLine(board);
  const openItems = openItemsOf(board.columns);
  const [asking, setAsking] = useState(false);

  return (
    <div className="space-y-4 text-sm" data-testid="phase-dependencies">
      <div className="flex flex-wrap items-center gap-2" data-testid="phase-completion">
        <PhaseStateBadge completed={completed} canComplete={gate.canComplete} />
        {completed && (
          <span className="text-muted">
            Marked complete by {phase.completedBy ?? "someone"} on <DateText iso={phase.completedAt} withTime />
          </span>
        )}
        {!completed && gate.total > 0 && (
          <span className="text-muted">
            {gate.satisfied} of {gate.total} dependencies met
          </span>
        )}
      </div>

      {dependencies.phases.length === 0 && dependencies.components.length === 0 ? (
        <p className="text-muted">This phase waits for no other phase and no image.</p>
      ) : null}

      {dependencies.phases.length > 0 && (
        <section aria-labelledby="phase-deps-phases">
          <h3 id="phase-deps-phases" className="mb-1 font-medium">Prerequisite phases</h3>
          <ul className="space-y-1">
            {dependencies.phases.map((p) => (
              <li key={p.key} className="flex flex-wrap items-center gap-2">
                <Link href={phaseBoardUrl(p.key, product)} className="text-blue-700 hover:underline">
                  Phase {p.order}: {p.name}
                </Link>
                <PhaseStateBadge completed={p.completed} canComplete />
              </li>
            ))}
          </ul>
        </section>
      )}

      {dependencies.components.length > 0 && (
        <section aria-labelledby="phase-deps-images">
          <h3 id="phase-deps-images" className="font-medium">Referenced images</h3>
          <p className="mb-1 text-xs text-muted">Red Hat starts this certification only once each is certified and published in its catalog.</p>
          <ul className="space-y-1">
            {dependencies.components.map((c) => (
              <li key={c.slug} className="flex flex-wrap items-center gap-2" data-testid={`phase-gate-${c.slug}`}>
                <Link href={componentUrl(c.slug, product)} className="text-blue-700 hover:underline">
                  {c.name}
                </Link>
                <CertificationStatusBadge status={c.certificationStatus} />
              </li>
            ))}
          </ul>
          {line && (
            <p className={`mt-2 font-medium ${gate.images.waiting > 0 ? "text-amber-900" : "text-green-800"}`} data-testid="phase-images-line">
              {line}
            </p>
          )}
        </section>
      )}

      {dependents.length > 0 && (
        <p className="text-muted">
          Waiting on this phase:{" "}
          {dependents.map((d, index) => (
            <span key={d.key}>
              {index > 0 && ", "}
              <Link href={phaseBoardUrl(d.key, product)} className="text-blue-700 underline hover:no-underline">
                Phase {d.order}: {d.name}
              </Link>
            </span>
          ))}
        </p>
      )}

      {canEdit && (
        <div className="flex flex-col gap-2 border-t border-line pt-3 sm:flex-row sm:items-start">
          {completed ? (
            <Button variant="secondary" disabled={saving} onClick={() => onSetCompleted(false)}>
              {saving ? "Reopening…" : "Reopen phase"}
            </Button>
          ) : (
            <Button
              variant="secondary"
              disabled={saving || !gate.canComplete}
              aria-describedby={gate.reason ? "phase-complete-reason" : undefined}
              onClick={() => (openItems.length > 0 ? setAsking(true) : onSetCompleted(true))}
            >
              {saving ? "Marking complete…" : "Mark phase complete"}
            </Button>
          )}
          {!completed && gate.reason && (
            <p id="phase-complete-reason" className="text-muted" data-testid="phase-complete-reason">
              Cannot be marked complete yet. {gate.reason}
            </p>
          )}
          <PhaseCompleteDialog
            open={asking && !completed}
            title={`Complete Phase ${phase.order} with open items?`}
            sentence={openItemsSentence(openItems)}
            onClose={() => setAsking(false)}
            onConfirm={() => {
              setAsking(false);
              onSetCompleted(true);
            }}
          />
        </div>
      )}
    </div>
  );
}
