"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import type { ItemChanges } from "@/lib/backlog/client";
import type { ItemDetail } from "@/lib/backlog/schema";

type Option = { value: string; label: string };
type Props = { item: ItemDetail; components: Option[]; saving: boolean; onSave: (changes: ItemChanges) => void; onCancel: () => void };

const lines = (text: string) => text.split("\n").map((line) => line.trim()).filter(Boolean);
const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((value, i) => value === b[i]);

/** Edits the text a person owns (title, description, source, files) and the item's links; sends only what changed. */
export function ItemContentForm({ item, components, saving, onSave, onCancel }: Props) {
  const [error, setError] = useState<string | null>(null);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "");
    const changes: ItemChanges = {};
    const title = text("title").trim();
    if (!title) return setError("The title cannot be empty.");
    if (title !== item.title) changes.title = title;
    if (text("description") !== item.description) changes.description = text("description");
    const source = text("source").trim() || null;
    if (source !== item.source) changes.source = source;
    const fileRefs = lines(text("fileRefs"));
    if (!same(fileRefs, item.fileRefs)) changes.fileRefs = fileRefs;
    const linked = form.getAll("components").map(String).sort();
    if (!same(linked, item.components.map((c) => c.slug).sort())) changes.components = linked;
    const requirements = text("requirements").split(/[\s,]+/).map((code) => code.trim().toUpperCase()).filter(Boolean);
    if (!same([...requirements].sort(), [...item.requirements].sort())) changes.requirements = requirements;
    setError(null);
    if (Object.keys(changes).length === 0) return onCancel();
    onSave(changes);
  }

  return (
    <form onSubmit={submit} className="space-y-3" aria-label="Edit item">
      <TextField label="Title" name="title" defaultValue={item.title} required maxLength={300} error={error ?? undefined} />
      <div>
        <label htmlFor="edit-description" className="block text-xs font-medium text-muted">Description (markdown)</label>
        <textarea id="edit-description" name="description" rows={8} maxLength={100_000} defaultValue={item.description} className="mt-1 w-full rounded-md border border-line bg-white px-2 py-1.5 font-mono text-sm" />
      </div>
      <TextField label="Source" name="source" defaultValue={item.source ?? ""} maxLength={1000} hint="Where this came from; preflight check names here link the item to their results." />
      <div>
        <label htmlFor="edit-files" className="block text-xs font-medium text-muted">Files (one per line)</label>
        <textarea id="edit-files" name="fileRefs" rows={3} defaultValue={item.fileRefs.join("\n")} className="mt-1 w-full rounded-md border border-line bg-white px-2 py-1.5 font-mono text-xs" />
      </div>
      <TextField label="Requirements" name="requirements" defaultValue={item.requirements.join(", ")} placeholder="e.g. CTR-10, OPB-01" hint="Red Hat requirement codes, separated by commas." />
      {components.length > 0 && (
        <fieldset>
          <legend className="text-xs font-medium text-muted">Components</legend>
          <div className="mt-1 grid gap-1 sm:grid-cols-2">
            {components.map((c) => (
              <label key={c.value} className="flex items-center gap-2 text-sm">
                <input type="checkbox" name="components" value={c.value} defaultChecked={item.components.some((linked) => linked.slug === c.value)} className="h-4 w-4" />
                {c.label}
              </label>
            ))}
          </div>
        </fieldset>
      )}
      <div className="flex gap-2">
        <Button type="submit" disabled={saving}>{saving ? "Saving…" : "Save"}</Button>
        <Button variant="secondary" onClick={onCancel}>Cancel</Button>
      </div>
    </form>
  );
}
