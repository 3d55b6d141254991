"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { apiFetch } from "@/lib/api-client";
import { PRIORITIES, STATUSES, STATUS_LABELS, type BULK_FIELDS } from "@/lib/backlog/schema";

type Option = { value: string; label: string };
export type BulkOptions = { phases: Option[]; people: Option[] };
type Field = (typeof BULK_FIELDS)[number];

const FIELD_LABELS: Record<Field, string> = { status: "Status", assignee: "Owner", phase: "Phase", priority: "Priority", dueDate: "Due date" };
/** The option that clears a field: chosen on purpose, never the default. */
const CLEAR = "__clear__";
const control = "rounded-md border border-line bg-white px-2 py-1 text-sm text-ink";

/** Sets one field on every selected item at once; the server changes all of them or none. */
export function ItemsBulkBar({ product, selected, options, onDone }: { product: string; selected: { key: string; version: number }[]; options: BulkOptions; onDone: () => void }) {
  const router = useRouter();
  const [field, setField] = useState<Field>("status");
  const [value, setValue] = useState<string>("");
  const apply = useMutation({
    mutationFn: () =>
      apiFetch<{ items: { key: string; changed: string[] }[] }>(`/api/v1/items/bulk?product=${encodeURIComponent(product)}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ items: selected, set: { [field]: value === CLEAR ? null : value } }),
      }),
    onSuccess: (result) => {
      const changed = result.items.filter((i) => i.changed.length > 0).length;
      toast.success(`${FIELD_LABELS[field]} set on ${changed} of ${result.items.length} ${result.items.length === 1 ? "item" : "items"}.`);
      onDone();
      router.refresh();
    },
    // A stale item means the list is out of date: reload it so the next try sends current versions.
    onError: () => router.refresh(),
  });

  const choices: Option[] =
    field === "status"
      ? STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))
      : field === "priority"
        ? [...PRIORITIES.map((p) => ({ value: p, label: p })), { value: CLEAR, label: "No priority" }]
        : field === "phase"
          ? [...options.phases, { value: CLEAR, label: "No phase" }]
          : [...options.people, { value: CLEAR, label: "Unassigned" }];

  return (
    <div role="region" aria-label="Bulk change" className="space-y-2 rounded-lg border border-blue-200 bg-blue-50 p-3">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <strong>{selected.length} selected</strong>
        <label className="flex items-center gap-1">
          Set
          <select aria-label="Field to set" className={control} value={field} onChange={(e) => { setField(e.target.value as Field); setValue(""); apply.reset(); }}>
            {(Object.keys(FIELD_LABELS) as Field[]).map((f) => <option key={f} value={f}>{FIELD_LABELS[f]}</option>)}
          </select>
        </label>
        <label className="flex items-center gap-1">
          to
          {field === "dueDate" ? (
            <>
              <input type="date" aria-label="New value" className={control} value={value === CLEAR ? "" : value} onChange={(e) => setValue(e.target.value)} />
              <label className="flex items-center gap-1">
                <input type="checkbox" className="h-4 w-4" checked={value === CLEAR} onChange={(e) => setValue(e.target.checked ? CLEAR : "")} />
                or clear it
              </label>
            </>
          ) : (
            <select aria-label="New value" className={control} value={value} onChange={(e) => setValue(e.target.value)}>
              <option value="" disabled>Choose…</option>
              {choices.map((o) => <option key={`${o.value}:${o.label}`} value={o.value}>{o.label}</option>)}
            </select>
          )}
        </label>
        <Button size="sm" disabled={apply.isPending || value === ""} onClick={() => apply.mutate()}>
          {apply.isPending ? "Applying…" : `Apply to ${selected.length}`}
        </Button>
        <Button size="sm" variant="secondary" onClick={onDone}>Clear selection</Button>
      </div>
      {apply.error && <Alert title="Nothing was changed">{apply.error.message}</Alert>}
    </div>
  );
}
