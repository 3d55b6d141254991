"use client";

import { useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";
import { SEARCH_CHORD, SHORTCUTS } from "@/lib/keyboard/shortcuts";

/** The `?` sheet: every shortcut, read from the same table the key handler uses. */
export function ShortcutHelp({ onClose }: { onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    // No close() on cleanup: unmounting removes the dialog from the top layer, and a close event
    // after React's development re-mount would close the dialog it just opened.
    if (element && !element.open) element.showModal();
  }, []);
  return (
    <dialog ref={dialog} aria-labelledby="shortcut-help-title" onClose={onClose} className="mx-auto mt-[12vh] w-full max-w-md rounded-lg border border-line bg-white p-4 text-ink shadow-xl backdrop:bg-black/40">
      <h2 id="shortcut-help-title" className="text-base font-semibold">Keyboard shortcuts</h2>
      <p className="mt-1 text-xs text-muted">They do nothing while you type in a field, except {SEARCH_CHORD}.</p>
      <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 text-sm">
        {SHORTCUTS.map((s) => (
          <div key={s.keys.join(" ")} className="contents">
            <dt className="flex gap-1">
              {s.keys.map((k, i) => (
                <kbd key={i} className="rounded border border-line bg-canvas px-1.5 font-mono text-xs">{k}</kbd>
              ))}
            </dt>
            <dd>{s.label}</dd>
          </div>
        ))}
        <div className="contents">
          <dt><kbd className="rounded border border-line bg-canvas px-1.5 font-mono text-xs">{SEARCH_CHORD}</kbd></dt>
          <dd>Search, from anywhere</dd>
        </div>
      </dl>
      <div className="mt-4 flex justify-end">
        <Button variant="secondary" size="sm" onClick={() => dialog.current?.close()}>Close</Button>
      </div>
    </dialog>
  );
}
