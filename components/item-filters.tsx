"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useState, useTransition } from "react";
import { CATEGORIES, CATEGORY_LABELS, PRIORITIES, STATUSES, STATUS_LABELS } from "@/lib/backlog/schema";

type Option = { value: string; label: string };

/** Filter controls that write straight to the URL, so a filtered view can be shared or bookmarked. */
export function ItemFilters({ phases, components, people }: { phases: Option[]; components: Option[]; people: Option[] }) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [pending, startTransition] = useTransition();
  const [q, setQ] = useState(params.get("q") ?? "");

  function update(name: string, value: string) {
    const next = new URLSearchParams(params.toString());
    if (value) next.set(name, value);
    else next.delete(name);
    next.delete("offset");
    startTransition(() => router.replace(`${pathname}?${next.toString()}`, { scroll: false }));
  }

  // Search as you type, without a request per keystroke.
  useEffect(() => {
    if ((params.get("q") ?? "") === q) return;
    const timer = setTimeout(() => update("q", q.trim()), 300);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [q]);

  const select = (name: string, label: string, options: Option[]) => (
    <label className="flex flex-col text-xs font-medium text-muted">
      {label}
      <select
        name={name}
        value={params.get(name) ?? ""}
        onChange={(event) => update(name, event.target.value)}
        className="mt-1 rounded-md border border-line bg-white px-2 py-1.5 text-sm text-ink"
      >
        <option value="">All</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );

  const hasFilters = ["category", "status", "priority", "phase", "component", "q", "assignee", "overdue"].some((name) => params.get(name));

  return (
    <form role="search" className="flex flex-wrap items-end gap-3" onSubmit={(event) => event.preventDefault()} aria-busy={pending}>
      <label className="flex flex-col text-xs font-medium text-muted">
        Search
        <input
          type="search"
          value={q}
          onChange={(event) => setQ(event.target.value)}
          placeholder="Key, title, text…"
          className="mt-1 w-56 rounded-md border border-line bg-white px-2 py-1.5 text-sm text-ink"
        />
      </label>
      {select("category", "Category", CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] })))}
      {select("status", "Status", STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] })))}
      {select("priority", "Priority", [...PRIORITIES.map((p) => ({ value: p, label: p })), { value: "none", label: "No priority" }])}
      {select("phase", "Phase", [...phases, { value: "none", label: "No phase" }])}
      {select("component", "Component", components)}
      {select("assignee", "Owner", [{ value: "me", label: "Me" }, { value: "none", label: "Unassigned" }, ...people])}
      <label className="flex items-center gap-2 self-end pb-2 text-sm text-ink">
        <input
          type="checkbox"
          name="overdue"
          className="h-4 w-4"
          checked={params.get("overdue") === "true"}
          onChange={(event) => update("overdue", event.target.checked ? "true" : "")}
        />
        Overdue only
      </label>
      {hasFilters && (
        <button
          type="button"
          onClick={() => {
            setQ("");
            const product = params.get("product");
            startTransition(() => router.replace(product ? `${pathname}?product=${encodeURIComponent(product)}` : pathname));
          }}
          className="rounded-md px-2 py-1.5 text-sm text-blue-700 hover:underline"
        >
          Clear filters
        </button>
      )}
      {pending && <span className="text-xs text-muted">Updating…</span>}
    </form>
  );
}
