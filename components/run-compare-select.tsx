"use client";

import { useRouter } from "next/navigation";
import { createContext, useContext, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { compareRunsUrl } from "@/lib/preflight/client";

type Picked = { id: string; createdAt: string };
type Selection = { picked: Picked[]; toggle: (run: Picked, on: boolean) => void };

const SelectionContext = createContext<Selection | null>(null);

/** The runs ticked in a run list, and the bar that compares two of them (the older one is the base). */
export function RunCompareSelection({ product, children }: { product?: string; children: ReactNode }) {
  const router = useRouter();
  const [picked, setPicked] = useState<Picked[]>([]);
  const toggle = (run: Picked, on: boolean) => setPicked((now) => (on ? [...now.filter((p) => p.id !== run.id), run] : now.filter((p) => p.id !== run.id)));
  const [older, newer] = [...picked].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  const ready = picked.length === 2 && older && newer;
  return (
    <SelectionContext.Provider value={{ picked, toggle }}>
      {children}
      <div className="sticky bottom-0 z-10 flex flex-wrap items-center justify-between gap-2 rounded-lg border border-line bg-white px-3 py-2 text-sm shadow-sm" data-testid="run-compare-bar">
        <p aria-live="polite" className="text-muted">
          {picked.length === 0 ? "Select two runs to compare them." : picked.length === 1 ? "1 run selected: select one more to compare." : picked.length === 2 ? "2 runs selected: the older one is the base." : `${picked.length} runs selected: compare exactly two.`}
        </p>
        <div className="flex gap-2">
          {picked.length > 0 && <Button variant="secondary" size="sm" onClick={() => setPicked([])}>Clear selection</Button>}
          <Button size="sm" disabled={!ready} onClick={() => ready && router.push(compareRunsUrl({ from: older.id, to: newer.id, product }))}>
            Compare selected
          </Button>
        </div>
      </div>
    </SelectionContext.Provider>
  );
}

/** A row's tick box; outside a RunCompareSelection it renders nothing. */
export function RunSelectBox({ run, label }: { run: Picked; label: string }) {
  const selection = useContext(SelectionContext);
  if (!selection) return null;
  return (
    <input
      type="checkbox"
      aria-label={`Select ${label} to compare`}
      checked={selection.picked.some((p) => p.id === run.id)}
      onChange={(event) => selection.toggle(run, event.target.checked)}
      className="h-4 w-4"
    />
  );
}
