"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { useSavePreferences } from "@/lib/preferences/client";
import { PREFERENCE_KEYS, PREFERENCE_LABELS, type Preferences } from "@/lib/preferences/schema";

/** The five email switches; Save sends all of them at once. */
export function NotificationPreferencesForm({ initial }: { initial: Preferences }) {
  const [saved, setSaved] = useState(initial);
  const [prefs, setPrefs] = useState(initial);
  const save = useSavePreferences(({ email: _email, ...next }) => {
    setSaved(next);
    setPrefs(next);
  });
  const changed = PREFERENCE_KEYS.some((key) => prefs[key] !== saved[key]);
  return (
    <form
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate(prefs);
      }}
    >
      <fieldset className="space-y-3">
        <legend className="sr-only">Email me about</legend>
        {PREFERENCE_KEYS.map((key) => (
          <label key={key} className="flex items-start gap-3 rounded-md border border-line p-3">
            <input
              type="checkbox"
              role="switch"
              name={key}
              checked={prefs[key]}
              onChange={(event) => setPrefs({ ...prefs, [key]: event.target.checked })}
              className="mt-0.5 h-4 w-4"
            />
            <span className="text-sm">
              <span className="block font-medium">{PREFERENCE_LABELS[key].label}</span>
              <span className="block text-muted">{PREFERENCE_LABELS[key].description}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <Button type="submit" disabled={save.isPending || !changed}>
        {save.isPending ? "Saving…" : "Save"}
      </Button>
    </form>
  );
}
