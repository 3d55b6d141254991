import "server-only";
import { getDb } from "@/lib/db";
import { smtpConfigured } from "@/lib/notify/email-config";
import { DEFAULT_PREFERENCES, type Preferences, type PreferencesResponse } from "./schema";

/** A person's email choices; no row means every choice is on. */
export async function getPreferences(userId: string): Promise<PreferencesResponse> {
  const row = await getDb().notificationPreference.findUnique({ where: { userId } });
  const prefs: Preferences = row
    ? { assigned: row.assigned, watched: row.watched, mentions: row.mentions, regressions: row.regressions, digest: row.digest }
    : DEFAULT_PREFERENCES;
  return { ...prefs, email: { enabled: smtpConfigured() } };
}
