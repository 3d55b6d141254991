"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { apiFetch } from "@/lib/api-client";
import { EFFORT_FORMS, parseEffort } from "@/lib/backlog/effort";
import { CATEGORIES, CATEGORY_LABELS, PRIORITIES, STATUSES, STATUS_LABELS, type ItemDetail } from "@/lib/backlog/schema";
import { itemUrl } from "@/lib/backlog/urls";

type Option = { value: string; label: string };
type Props = {
  product: string;
  phases: Option[];
  people: Option[];
  components: Option[];
  /** Preset from the page that linked here (a phase column, a filtered list). */
  defaults: { phase?: string; status?: string; category?: string };
  meId: string;
};

/** The new item form: only a title and a category are required; everything else can follow later. */
export function ItemCreateForm({ product, phases, people, components, defaults, meId }: Props) {
  const router = useRouter();
  const [effortError, setEffortError] = useState<string | undefined>();
  const create = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      apiFetch<{ item: ItemDetail }>(`/api/v1/items?product=${encodeURIComponent(product)}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      }),
    onSuccess: ({ item }) => router.push(itemUrl(item.key, product)),
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "").trim();
    const effortText = text("effortText");
    if (effortText && parseEffort(effortText) === null) {
      setEffortError(`Effort must be ${EFFORT_FORMS}.`);
      return;
    }
    setEffortError(undefined);
    const body: Record<string, unknown> = { title: text("title"), category: text("category"), status: text("status") };
    if (text("key")) body.key = text("key");
    if (text("priority")) body.priority = text("priority");
    if (text("phase")) body.phase = text("phase");
    if (text("assignee")) body.assignee = text("assignee");
    if (text("dueDate")) body.dueDate = text("dueDate");
    if (effortText) body.effortText = effortText;
    if (text("description")) body.description = text("description");
    const linked = form.getAll("components").map(String);
    if (linked.length) body.components = linked;
    create.mutate(body);
  }

  return (
    <form onSubmit={submit} className="space-y-4" aria-busy={create.isPending}>
      {create.error && <Alert title="The item was not created">{create.error.message}</Alert>}
      <TextField label="Title" name="title" required maxLength={300} autoFocus placeholder="e.g. Rebuild the driver image on UBI 9" />
      <div className="grid gap-4 sm:grid-cols-3">
        <SelectField label="Category" name="category" defaultValue={defaults.category ?? "critical_blocker"}>
          {CATEGORIES.map((c) => <option key={c} value={c}>{CATEGORY_LABELS[c]}</option>)}
        </SelectField>
        <SelectField label="Priority" name="priority" defaultValue="">
          <option value="">None</option>
          {PRIORITIES.map((p) => <option key={p} value={p}>{p}</option>)}
        </SelectField>
        <SelectField label="Status" name="status" defaultValue={defaults.status ?? "not_started"}>
          {STATUSES.map((s) => <option key={s} value={s}>{STATUS_LABELS[s]}</option>)}
        </SelectField>
        <SelectField label="Phase" name="phase" defaultValue={defaults.phase ?? ""}>
          <option value="">No phase</option>
          {phases.map((p) => <option key={p.value} value={p.value}>{p.label}</option>)}
        </SelectField>
        <SelectField label="Owner" name="assignee" defaultValue="">
          <option value="">Unassigned</option>
          {people.map((p) => <option key={p.value} value={p.value}>{p.value === meId ? `${p.label} (me)` : p.label}</option>)}
        </SelectField>
        <TextField label="Due date" name="dueDate" type="date" />
        <TextField label="Effort" name="effortText" maxLength={100} placeholder="e.g. 1-2 days" error={effortError} hint={effortError ? undefined : "30m, 2h, 1-2 days, 2-3 weeks…"} />
        <TextField label="Key" name="key" maxLength={40} placeholder="next T-n" hint="Leave empty for the next free T-n." />
      </div>
      <div>
        <label htmlFor="new-item-description" className="block text-xs font-medium text-muted">Description (markdown)</label>
        <textarea id="new-item-description" name="description" rows={6} maxLength={100_000} className="mt-1 w-full rounded-md border border-line bg-white px-2 py-1.5 font-mono text-sm" />
      </div>
      {components.length > 0 && (
        <fieldset>
          <legend className="text-xs font-medium text-muted">Components</legend>
          <div className="mt-1 grid gap-1 sm:grid-cols-2">
            {components.map((c) => (
              <label key={c.value} className="flex items-center gap-2 text-sm">
                <input type="checkbox" name="components" value={c.value} className="h-4 w-4" /> {c.label}
              </label>
            ))}
          </div>
        </fieldset>
      )}
      <div className="flex gap-2">
        <Button type="submit" disabled={create.isPending}>{create.isPending ? "Creating…" : "Create item"}</Button>
        <Button variant="secondary" onClick={() => router.back()}>Cancel</Button>
      </div>
    </form>
  );
}
