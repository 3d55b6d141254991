import { z } from "zod";
import { NOTIFY_EVENTS, WEBHOOK_FORMATS } from "@/lib/outbox/schema";

export { WEBHOOK_FORMATS };

// Admins' webhooks: requests and answers of /api/v1/webhooks, safe on both sides. Response schemas
// live here too so the OpenAPI document can register them.

export const webhookFormatSchema = z.enum(WEBHOOK_FORMATS, { error: "must be json, slack or teams" });
export type WebhookFormatName = z.infer<typeof webhookFormatSchema>;
export const FORMAT_LABELS: Record<WebhookFormatName, string> = { json: "JSON (signed)", slack: "Slack", teams: "Microsoft Teams" };

export const DELIVERY_STATUSES = ["pending", "failing", "delivered", "gave_up"] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];
export const DELIVERY_STATUS_LABELS: Record<DeliveryStatus, string> = { pending: "Pending", failing: "Retrying", delivered: "Delivered", gave_up: "Gave up" };

/** Only http(s): a webhook must never make the server read files or speak other protocols. */
export const webhookUrlSchema = z
  .string({ error: "enter the receiver's URL" })
  .trim()
  .min(1, "enter the receiver's URL")
  .max(2000, "at most 2000 characters")
  .refine((value) => URL.canParse(value), "not a valid URL")
  .refine((value) => !URL.canParse(value) || ["http:", "https:"].includes(new URL(value).protocol), "must start with http:// or https://");

const eventNameSchema = z.enum(NOTIFY_EVENTS, { error: (issue) => `unknown event ${JSON.stringify(issue.input)}; events are ${NOTIFY_EVENTS.join(", ")}` });
const eventsSchema = z
  .array(eventNameSchema, { error: "send a list of event names" })
  .min(1, "choose at least one event")
  .max(NOTIFY_EVENTS.length * 2)
  .transform((events) => [...new Set(events)].sort());
const secretSchema = z.string().min(8, "at least 8 characters").max(200, "at most 200 characters");
const productSlugSchema = z.string().trim().min(1).max(100);

/** POST /api/v1/webhooks. No product: every product's events. */
export const createWebhookSchema = z.strictObject({
  url: webhookUrlSchema,
  events: eventsSchema,
  secret: secretSchema.optional(),
  format: webhookFormatSchema.default("json"),
  product: productSlugSchema.nullable().optional(),
});
export type CreateWebhookInput = z.infer<typeof createWebhookSchema>;

/** PATCH /api/v1/webhooks/{id}: any of the fields; `secret: null` removes the secret, `product: null` means all products. */
export const updateWebhookSchema = z
  .strictObject({
    url: webhookUrlSchema.optional(),
    events: eventsSchema.optional(),
    secret: secretSchema.nullable().optional(),
    format: webhookFormatSchema.optional(),
    product: productSlugSchema.nullable().optional(),
    active: z.boolean({ error: "true or false" }).optional(),
  })
  .refine((patch) => Object.values(patch).some((v) => v !== undefined), "Nothing to change: send url, events, secret, format, product or active.");
export type UpdateWebhookInput = z.infer<typeof updateWebhookSchema>;

export const webhookIdSchema = z.uuid("Unknown webhook id");
export const deliveryIdSchema = z.uuid("Unknown delivery id");

export const webhookViewSchema = z.object({
  id: z.string(),
  url: z.string(),
  format: webhookFormatSchema,
  events: z.array(z.string()),
  product: z.object({ slug: z.string(), name: z.string() }).nullable(),
  active: z.boolean(),
  /** The secret itself is never returned. */
  hasSecret: z.boolean(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type WebhookView = z.infer<typeof webhookViewSchema>;

export const attemptViewSchema = z.object({
  attempt: z.number().int(),
  /** The receiver's HTTP status; null when no answer came. */
  statusCode: z.number().int().nullable(),
  durationMs: z.number().int(),
  error: z.string().nullable(),
  at: z.string(),
  /** A person asked for this try (Redeliver). */
  manual: z.boolean(),
});
export type AttemptView = z.infer<typeof attemptViewSchema>;

export const deliveryViewSchema = z.object({
  id: z.string(),
  eventId: z.string(),
  event: z.string(),
  /** The event in one sentence, as the bell and Slack say it. */
  text: z.string(),
  product: z.string().nullable(),
  status: z.enum(DELIVERY_STATUSES),
  createdAt: z.string(),
  deliveredAt: z.string().nullable(),
  /** Oldest first. */
  attempts: z.array(attemptViewSchema),
});
export type DeliveryView = z.infer<typeof deliveryViewSchema>;

export const deliveriesQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type DeliveriesQuery = z.infer<typeof deliveriesQuerySchema>;

export const deliveryPageSchema = z.object({
  deliveries: z.array(deliveryViewSchema),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
});
export type DeliveryPage = z.infer<typeof deliveryPageSchema>;

/** What Send test and Redeliver answer: the delivery after the try, and that try. */
export const tryResultSchema = z.object({
  delivery: deliveryViewSchema,
  attempt: attemptViewSchema.nullable(),
  ok: z.boolean(),
});
export type TryResult = z.infer<typeof tryResultSchema>;

export const webhookResponseSchema = z.object({ webhook: webhookViewSchema });
export const webhookListResponseSchema = z.object({ webhooks: z.array(webhookViewSchema) });
export const webhookDeletedResponseSchema = z.object({ deleted: z.string() });
