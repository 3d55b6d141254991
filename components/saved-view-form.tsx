"use client";

import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { ApiError } from "@/lib/api-client";

export type SaveViewValues = { name: string; shared: boolean };

/**
 * Names the current filters. A duplicate name is shown on the name field; anything else (a filter
 * value the list does not know, no right to share) above the buttons, in the server's words.
 */
export function SavedViewForm({
  canShare,
  pending,
  error,
  onSave,
  onCancel,
}: {
  canShare: boolean;
  pending: boolean;
  error: Error | null;
  onSave: (values: SaveViewValues) => void;
  onCancel: () => void;
}) {
  const [name, setName] = useState("");
  const [shared, setShared] = useState(false);
  const [blank, setBlank] = useState(false);
  const nameTaken = error instanceof ApiError && error.status === 409;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) {
      setBlank(true);
      return;
    }
    onSave({ name: name.trim(), shared: canShare && shared });
  }

  return (
    <form onSubmit={submit} aria-label="Save view" className="flex w-full flex-wrap items-start gap-3 rounded-md border border-line bg-gray-50 p-3">
      <TextField
        label="View name"
        name="name"
        value={name}
        maxLength={80}
        autoFocus
        autoComplete="off"
        placeholder="e.g. Open P0 blockers"
        onChange={(event) => {
          setName(event.target.value);
          setBlank(false);
        }}
        error={blank ? "Give the view a name." : nameTaken ? error?.message : undefined}
        className="w-full sm:w-64"
      />
      {canShare && (
        <label className="flex items-center gap-2 text-sm sm:pt-7">
          <input type="checkbox" name="shared" checked={shared} onChange={(event) => setShared(event.target.checked)} />
          Shared with the team
        </label>
      )}
      <div className="flex gap-2 sm:pt-6">
        <Button type="submit" size="sm" disabled={pending}>
          {pending ? "Saving…" : "Save"}
        </Button>
        <Button variant="secondary" size="sm" onClick={onCancel} disabled={pending}>
          Cancel
        </Button>
      </div>
      {error && !nameTaken && (
        <div className="basis-full">
          <Alert title="The view was not saved">{error.message}</Alert>
        </div>
      )}
    </form>
  );
}
