import { z } from "zod";

// What Certboard tells people about, and the shapes the notification API and the outbox share.
// Safe on both sides (no server imports).

export const NOTIFY_EVENTS = [
  "run.failed",
  "run.regressed",
  "item.opened",
  "item.reopened",
  "item.status_changed",
  "item.assigned",
  "item.commented",
  "item.mentioned",
  "phase.completed",
  "phase.gate_satisfied",
  "evidence.stale",
  "exception.decided",
  "component.status_changed",
] as const;
export const notifyEventSchema = z.enum(NOTIFY_EVENTS);
export type NotifyEvent = z.infer<typeof notifyEventSchema>;

/** What a webhook receives: our signed JSON, or a Slack or Microsoft Teams incoming-webhook message. */
export const WEBHOOK_FORMATS = ["json", "slack", "teams"] as const;
export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];

/** A webhook's "send test" posts this event; it is never subscribed to or sent to people. */
export const TEST_EVENT = "webhook.test";

export const EVENT_LABELS: Record<NotifyEvent, string> = {
  "run.failed": "A preflight run failed",
  "run.regressed": "A check that passed now fails",
  "item.opened": "An item was opened",
  "item.reopened": "An item was reopened",
  "item.status_changed": "An item's status changed",
  "item.assigned": "An item was assigned",
  "item.commented": "Someone commented on an item",
  "item.mentioned": "Someone was mentioned",
  "phase.completed": "A phase was completed",
  "phase.gate_satisfied": "A phase may start: everything it waits for is done",
  "evidence.stale": "A component's evidence went stale",
  "exception.decided": "An exception was approved or denied",
  "component.status_changed": "A component's certification status changed (Red Hat's catalog or a person)",
};

const ref = z.object({ key: z.string(), title: z.string() });
const componentRef = z.object({ slug: z.string(), name: z.string() });
const runRef = z.object({
  id: z.string(),
  component: componentRef.nullable(),
  tag: z.string().nullable(),
  architecture: z.string().nullable(),
});

/** The data of each event, as webhooks receive it under `data`. */
export const eventDataSchemas = {
  "run.failed": z.object({ run: runRef, failed: z.array(z.string()) }),
  "run.regressed": z.object({ run: runRef, regressed: z.array(z.string()), previousRunId: z.string().nullable() }),
  "item.opened": z.object({ item: ref, runId: z.string().nullable() }),
  "item.reopened": z.object({ item: ref, from: z.string(), to: z.string(), runId: z.string().nullable(), note: z.string().nullable() }),
  "item.status_changed": z.object({ item: ref, from: z.string().nullable(), to: z.string(), runId: z.string().nullable(), note: z.string().nullable() }),
  "item.assigned": z.object({ item: ref, assignee: z.object({ id: z.string(), name: z.string() }).nullable(), previous: z.string().nullable() }),
  "item.commented": z.object({ item: ref, commentId: z.string(), excerpt: z.string() }),
  "item.mentioned": z.object({ item: ref, commentId: z.string(), excerpt: z.string(), mentioned: z.array(z.object({ id: z.string(), name: z.string() })) }),
  "phase.completed": z.object({ phase: ref }),
  "phase.gate_satisfied": z.object({ phase: ref }),
  "evidence.stale": z.object({ component: componentRef, reason: z.string(), lastPassingAt: z.string().nullable() }),
  "exception.decided": z.object({ component: componentRef, kind: z.string(), status: z.string(), caseRef: z.string().nullable() }),
  "component.status_changed": z.object({ component: componentRef, from: z.string(), to: z.string() }),
} satisfies Record<NotifyEvent, z.ZodType>;

export type EventData<E extends NotifyEvent> = z.infer<(typeof eventDataSchemas)[E]>;

/** One notifiable change, as a mutation hands it to the outbox. */
export type OutboxInput = { [E in NotifyEvent]: { type: E; productId: string; data: EventData<E>; subjectUserIds?: string[] } }[NotifyEvent];

// ---- People's choices ----

/** Email choices; every one is on until the person turns it off. */
export const preferencesSchema = z.strictObject({
  assigned: z.boolean(),
  watched: z.boolean(),
  mentions: z.boolean(),
  regressions: z.boolean(),
  digest: z.boolean(),
});
export type Preferences = z.infer<typeof preferencesSchema>;
export const DEFAULT_PREFERENCES: Preferences = { assigned: true, watched: true, mentions: true, regressions: true, digest: true };

/** Why a person hears about an event; the email choice of the same name decides whether it is also mailed. */
export const REASONS = ["assigned", "watched", "mentions", "regressions"] as const;
export type Reason = (typeof REASONS)[number];
