"use client";

import { useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";

type Props = {
  open: boolean;
  title: string;
  /** "4 items are still open: P0-2 Prohibited Labels, …": the question follows it. */
  sentence: string;
  onConfirm: () => void;
  onClose: () => void;
};

/**
 * Asks before a phase with open items is marked complete. A native modal dialog: it traps focus,
 * Escape closes it, and the page behind is inert; Cancel comes first, so it holds the focus.
 */
export function PhaseCompleteDialog({ open, title, sentence, onConfirm, onClose }: Props) {
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      onClose={onClose}
      aria-labelledby="phase-complete-title"
      aria-describedby="phase-complete-question"
      data-testid="phase-complete-dialog"
      className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-lg border border-line bg-white p-5 text-sm text-ink shadow-xl backdrop:bg-black/40"
    >
      <h2 id="phase-complete-title" className="text-base font-semibold">
        {title}
      </h2>
      <p id="phase-complete-question" className="mt-2">
        {sentence} Complete the phase anyway?
      </p>
      <div className="mt-4 flex flex-wrap justify-end gap-2">
        <Button variant="secondary" onClick={onClose}>
          Cancel
        </Button>
        <Button onClick={onConfirm}>Complete anyway</Button>
      </div>
    </dialog>
  );
}
