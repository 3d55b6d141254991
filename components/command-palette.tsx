"use client";

import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { useSearch } from "@/lib/search/client";
import type { SearchKind } from "@/lib/search/schema";

export type PaletteCommand = { id: string; label: string; href: string };
type Option = { id: string; label: string; detail: string; tag: string; href: string };

const KIND_LABELS: Record<SearchKind, string> = { item: "Item", component: "Component", run: "Run", phase: "Phase", requirement: "Requirement" };

/**
 * The command palette (Ctrl/⌘-K, `/`): "go to" commands and, once something is typed, what the
 * search API finds in the current product. A native modal <dialog> keeps focus inside and closes
 * on Escape; the input is a combobox whose arrow keys move through the listbox below it.
 */
export function CommandPalette({ product, commands, onClose }: { product: string; commands: PaletteCommand[]; onClose: () => void }) {
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const listId = useId();
  const [typed, setTyped] = useState("");
  const [activeId, setActiveId] = useState<string | null>(null);
  const search = useSearch(product, typed);

  useEffect(() => {
    const element = dialog.current;
    // No close() on cleanup: unmounting removes the dialog from the top layer, and a close event
    // after React's development re-mount would close the dialog it just opened.
    if (element && !element.open) element.showModal();
  }, []);

  const q = typed.trim();
  const needle = q.toLowerCase();
  const matching = commands.filter((c) => !needle || c.label.toLowerCase().includes(needle));
  const results = q && search.data && !search.settling ? search.data.results : [];
  const options: Option[] = [
    ...matching.map((c) => ({ id: `cmd-${c.id}`, label: c.label, detail: "", tag: "Go to", href: c.href })),
    ...results.map((r) => ({ id: `${r.kind}-${r.id}`, label: r.title, detail: r.subtitle, tag: KIND_LABELS[r.kind], href: r.href })),
  ];
  const activeIndex = Math.max(0, options.findIndex((o) => o.id === activeId));
  const active = options[activeIndex];
  const loading = q.length > 0 && (search.settling || (search.isFetching && results.length === 0));
  const optionId = (o: Option) => `${listId}-${o.id}`;

  function open(option: Option | undefined) {
    if (!option) return;
    onClose();
    router.push(option.href);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    const step = event.key === "ArrowDown" ? 1 : event.key === "ArrowUp" ? -1 : 0;
    if (step !== 0 && options.length > 0) {
      event.preventDefault();
      const next = options[(activeIndex + step + options.length) % options.length]!;
      setActiveId(next.id);
      document.getElementById(optionId(next))?.scrollIntoView({ block: "nearest" });
    } else if (event.key === "Enter") {
      event.preventDefault();
      open(active);
    }
  }

  return (
    <dialog
      ref={dialog}
      aria-label="Search"
      onClose={onClose}
      className="mx-auto mt-[12vh] w-full max-w-xl rounded-lg border border-line bg-white p-0 text-ink shadow-xl backdrop:bg-black/40"
    >
      <div className="border-b border-line p-3">
        <input
          autoFocus
          type="text"
          role="combobox"
          aria-label="Search"
          aria-autocomplete="list"
          aria-expanded={options.length > 0}
          aria-controls={options.length > 0 ? listId : undefined}
          aria-activedescendant={active ? optionId(active) : undefined}
          placeholder="Search items, components, runs, phases, requirements…"
          value={typed}
          maxLength={200}
          onChange={(event) => {
            setTyped(event.target.value);
            setActiveId(null);
          }}
          onKeyDown={onKeyDown}
          className="w-full rounded-md border border-line px-3 py-2 text-sm"
        />
      </div>
      {options.length > 0 && (
        <ul role="listbox" id={listId} aria-label="Results" className="max-h-[60vh] overflow-y-auto p-1">
          {options.map((option) => (
            <li
              key={option.id}
              id={optionId(option)}
              role="option"
              aria-selected={option === active}
              onMouseMove={() => setActiveId(option.id)}
              onClick={() => open(option)}
              className={`flex cursor-pointer items-baseline gap-3 rounded-md px-3 py-2 text-sm ${option === active ? "bg-blue-50 ring-1 ring-blue-600" : ""}`}
            >
              <span className="w-24 shrink-0 text-xs text-muted">{option.tag}</span>
              <span className="min-w-0">
                <span className="block truncate font-medium">{option.label}</span>
                {option.detail && <span className="block truncate text-xs text-muted">{option.detail}</span>}
              </span>
            </li>
          ))}
        </ul>
      )}
      <div className="border-t border-line px-3 py-2 text-xs text-muted" aria-live="polite">
        {search.isError && q ? (
          <span role="alert" className="text-red-800">Search failed: {search.error.message}</span>
        ) : loading ? (
          "Searching…"
        ) : q && options.length === 0 ? (
          <span className="text-sm text-ink">No matches for “{q}”</span>
        ) : (
          "↑ ↓ to move · Enter to open · Esc to close"
        )}
      </div>
    </dialog>
  );
}
