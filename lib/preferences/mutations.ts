import "server-only";
import { getDb } from "@/lib/db";
import { smtpConfigured } from "@/lib/notify/email-config";
import type { Preferences, PreferencesResponse } from "./schema";

/** Replaces a person's email choices (all five at once). */
export async function setPreferences(userId: string, prefs: Preferences): Promise<PreferencesResponse> {
  const saved = await getDb().$transaction((tx) =>
    tx.notificationPreference.upsert({ where: { userId }, create: { userId, ...prefs }, update: prefs }),
  );
  return {
    assigned: saved.assigned,
    watched: saved.watched,
    mentions: saved.mentions,
    regressions: saved.regressions,
    digest: saved.digest,
    email: { enabled: smtpConfigured() },
  };
}
