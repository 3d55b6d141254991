"use client";

import { useMutation } from "@tanstack/react-query";
import { toast } from "sonner";
import { apiFetch } from "@/lib/api-client";
import type { Preferences, PreferencesResponse } from "./schema";

/** Saves all five email choices; the form keeps its own state, so nothing is cached here. */
export function useSavePreferences(onSaved: (saved: PreferencesResponse) => void) {
  return useMutation({
    mutationFn: (prefs: Preferences) =>
      apiFetch<PreferencesResponse>("/api/v1/me/notifications", { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify(prefs) }),
    onSuccess: (saved) => {
      onSaved(saved);
      toast.success("Notification choices saved.");
    },
    onError: (error) => toast.error(`Your choices were not saved: ${error.message}`),
  });
}
