import { z } from "zod";
import { listNotificationsQuerySchema, markReadResultSchema, markReadSchema, notificationListSchema } from "@/lib/inbox/schema";
import { NOTIFY_EVENTS } from "@/lib/outbox/schema";
import { pathParams, type Api } from "@/lib/openapi/registry";
import { preferencesResponseSchema, preferencesUpdateSchema } from "@/lib/preferences/schema";
import {
  createWebhookSchema,
  deliveriesQuerySchema,
  deliveryPageSchema,
  tryResultSchema,
  updateWebhookSchema,
  webhookDeletedResponseSchema,
  webhookListResponseSchema,
  webhookResponseSchema,
} from "@/lib/webhooks/schema";

const EVENTS = NOTIFY_EVENTS.map((e) => `\`${e}\``).join(", ");
const delivery = z.object({
  id: z.uuid().meta({ description: "The webhook's id." }),
  deliveryId: z.uuid().meta({ description: "The delivery's id (the X-Certboard-Delivery header)." }),
});

export function registerNotificationRoutes(api: Api): void {
  // ---- Webhooks (admins) ----
  api.route({
    method: "get",
    path: "/api/v1/webhooks",
    tag: "Webhooks",
    summary: "List webhooks",
    description: "Every webhook, newest first. The secret is never returned: `hasSecret` says whether one is set.",
    auth: "manage_settings",
    responses: { 200: { description: "`{ webhooks }`.", schema: webhookListResponseSchema } },
  });
  api.route({
    method: "post",
    path: "/api/v1/webhooks",
    tag: "Webhooks",
    summary: "Create a webhook",
    description: `\`{ url, events, secret?, format, product? }\`: an http(s) URL, one or more of ${EVENTS}, a secret that signs each body (\`X-Certboard-Signature: sha256=<hex HMAC-SHA256 of the raw body>\`), \`json\` | \`slack\` | \`teams\`, and a product slug (none: every product). Deliveries retry with backoff (first retry within 30 s) and give up after 24 h.`,
    auth: "manage_settings",
    body: createWebhookSchema,
    responses: { 201: { description: "The webhook.", schema: webhookResponseSchema } },
  });
  api.route({
    method: "get",
    path: "/api/v1/webhooks/{id}",
    tag: "Webhooks",
    summary: "Read a webhook",
    description: "One webhook, without its secret.",
    auth: "manage_settings",
    params: pathParams.id("webhook"),
    responses: { 200: { description: "`{ webhook }`.", schema: webhookResponseSchema } },
    errors: ["not_found"],
  });
  api.route({
    method: "patch",
    path: "/api/v1/webhooks/{id}",
    tag: "Webhooks",
    summary: "Change a webhook",
    description: "Any of `url`, `events`, `format`, `product`, `active`, `secret` (null removes it).",
    auth: "manage_settings",
    params: pathParams.id("webhook"),
    body: updateWebhookSchema,
    responses: { 200: { description: "`{ webhook }` as it is now.", schema: webhookResponseSchema } },
    errors: ["not_found"],
  });
  api.route({
    method: "delete",
    path: "/api/v1/webhooks/{id}",
    tag: "Webhooks",
    summary: "Delete a webhook",
    description: "Deletes the webhook with its delivery log; deliveries still queued are dropped.",
    auth: "manage_settings",
    params: pathParams.id("webhook"),
    responses: { 200: { description: "`{ deleted: id }`.", schema: webhookDeletedResponseSchema } },
    errors: ["not_found"],
  });
  api.route({
    method: "get",
    path: "/api/v1/webhooks/{id}/deliveries",
    tag: "Webhooks",
    summary: "A webhook's delivery log",
    description: "Its deliveries, newest first, each with the event's sentence, its status (`pending`, `failing` while retrying, `delivered`, `gave_up`) and every attempt: number, status code, duration, error, whether a person asked for it.",
    auth: "manage_settings",
    params: pathParams.id("webhook"),
    query: deliveriesQuerySchema,
    responses: { 200: { description: "One page of the log.", schema: deliveryPageSchema } },
    errors: ["not_found"],
  });
  api.route({
    method: "post",
    path: "/api/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver",
    tag: "Webhooks",
    summary: "Redeliver",
    description: "Tries the delivery once more, now, even if it was delivered; logged as a manual attempt. Answers with the attempt's outcome.",
    auth: "manage_settings",
    params: delivery,
    responses: { 200: { description: "The attempt.", schema: tryResultSchema } },
    errors: ["not_found"],
  });
  api.route({
    method: "post",
    path: "/api/v1/webhooks/{id}/test",
    tag: "Webhooks",
    summary: "Send a test",
    description: "Sends a `webhook.test` event to this webhook only, at once, and answers with the attempt (it is in the delivery log too).",
    auth: "manage_settings",
    params: pathParams.id("webhook"),
    responses: { 200: { description: "The attempt.", schema: tryResultSchema } },
    errors: ["not_found"],
  });

  // ---- In-app notifications and email choices (the caller's own) ----
  api.route({
    method: "get",
    path: "/api/v1/notifications",
    tag: "Notifications",
    summary: "My notifications",
    description: "The caller's own in-app notifications, newest first, with the unread count (`limit=0`: the count only, as the bell reads it). A token reads its owner's; a token that belongs to no one gets 403.",
    auth: "read",
    query: listNotificationsQuerySchema,
    responses: { 200: { description: "`{ notifications, unread, nextCursor }`.", schema: notificationListSchema } },
  });
  api.route({
    method: "post",
    path: "/api/v1/notifications/read",
    tag: "Notifications",
    summary: "Mark notifications read",
    description: "`{ ids: [...] }` or `{ all: true }`; only the caller's own are marked, in one transaction.",
    auth: "read",
    body: markReadSchema,
    responses: { 200: { description: "`{ marked, unread }`.", schema: markReadResultSchema } },
  });
  api.route({
    method: "get",
    path: "/api/v1/me/notifications",
    tag: "Notifications",
    summary: "My email choices",
    description: "`{ assigned, watched, mentions, regressions, digest }` (all on until changed) and `email.enabled`: whether the server has SMTP configured.",
    auth: "read",
    responses: { 200: { description: "The choices.", schema: preferencesResponseSchema } },
  });
  api.route({
    method: "put",
    path: "/api/v1/me/notifications",
    tag: "Notifications",
    summary: "Change my email choices",
    description: "Exactly the five booleans; anything else is 400 and nothing is written.",
    auth: "read",
    body: preferencesUpdateSchema,
    responses: { 200: { description: "The choices now.", schema: preferencesResponseSchema } },
  });
}
