import { z } from "zod";
import { DEFAULT_PREFERENCES, preferencesSchema, type Preferences } from "@/lib/outbox/schema";

// A person's email choices (GET/PUT /api/v1/me/notifications). The shape lives with the outbox
// (lib/outbox/schema.ts) because the relay reads it; this domain is the door people use.

export { DEFAULT_PREFERENCES, preferencesSchema, type Preferences };

/** PUT's body: all five choices, nothing else (an unknown key is a 400, not silently dropped). */
export const preferencesUpdateSchema = preferencesSchema;

/** GET's and PUT's answer: the choices, and whether this server sends email at all (SMTP_URL set). */
export const preferencesResponseSchema = preferencesSchema.extend({ email: z.strictObject({ enabled: z.boolean() }) });
export type PreferencesResponse = z.infer<typeof preferencesResponseSchema>;

export const PREFERENCE_KEYS = Object.keys(DEFAULT_PREFERENCES) as (keyof Preferences)[];

/** The settings page's switches: a name and the one line that says when it applies. */
export const PREFERENCE_LABELS: Record<keyof Preferences, { label: string; description: string }> = {
  assigned: { label: "Assigned to me", description: "Changes to the items you are assigned to." },
  watched: { label: "Watched items", description: "Changes and comments on the items you watch, and phases you have work in." },
  mentions: { label: "Mentions", description: "Someone @-mentions you in a comment." },
  regressions: {
    label: "Regressions",
    description: "For the components you own (their owner is your email or name): failed or regressed preflight runs, stale evidence, exception decisions.",
  },
  digest: { label: "Weekly digest", description: "Monday morning: the forecast, open critical blockers, what changed and what remains, per product you can see." },
};
