import "server-only";
import { createHmac } from "node:crypto";
import type { WebhookFormat } from "@/lib/outbox/schema";
import { absoluteUrl, describeEvent, type StoredEvent } from "./text";

// What a webhook receives: our JSON (signed), or a Slack or Microsoft Teams incoming-webhook message.


/** How long a receiver may take to answer before the try counts as failed. */
export const WEBHOOK_TIMEOUT_MS = 10_000;

export type OutgoingEvent = StoredEvent & { id: string; at: Date };

/** `sha256=<hex HMAC-SHA256 of the raw body>`: a receiver recomputes it with the shared secret. */
export function signature(secret: string, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(body, "utf8").digest("hex")}`;
}

/** The body for the format: JSON carries { id, event, at, product, data }. */
export function webhookBody(format: WebhookFormat, event: OutgoingEvent): string {
  if (format === "json") {
    return JSON.stringify({ id: event.id, event: event.type, at: event.at.toISOString(), product: event.product, data: event.data });
  }
  const { text, link } = describeEvent(event);
  const url = link ? absoluteUrl(link) : null;
  if (format === "slack") {
    // Slack's mrkdwn: &, < and > are the only characters to escape.
    const escaped = text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
    return JSON.stringify({
      text: url ? `${escaped} <${url}|Open in Certboard>` : escaped,
      blocks: [{ type: "section", text: { type: "mrkdwn", text: url ? `${escaped}\n<${url}|Open in Certboard>` : escaped } }],
    });
  }
  return JSON.stringify({
    type: "message",
    attachments: [
      {
        contentType: "application/vnd.microsoft.card.adaptive",
        content: {
          $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
          type: "AdaptiveCard",
          version: "1.4",
          body: [{ type: "TextBlock", text, wrap: true }],
          actions: url ? [{ type: "Action.OpenUrl", title: "Open in Certboard", url }] : [],
        },
      },
    ],
  });
}

export type SendOutcome = { ok: boolean; statusCode: number | null; durationMs: number; error: string | null };

/** Posts one event; any 2xx is delivered, anything else (or no answer in time) is a failed try. */
export async function postWebhook(
  webhook: { url: string; format: string; secret: string | null },
  event: OutgoingEvent,
  deliveryId: string,
): Promise<SendOutcome> {
  const body = webhookBody(webhook.format as WebhookFormat, event);
  const headers: Record<string, string> = {
    "content-type": "application/json",
    "user-agent": "Certboard-Webhook/1",
    "x-certboard-event": event.type,
    "x-certboard-delivery": deliveryId,
  };
  if (webhook.secret) headers["x-certboard-signature"] = signature(webhook.secret, body);
  const started = performance.now();
  try {
    const response = await fetch(webhook.url, { method: "POST", headers, body, redirect: "manual", signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS) });
    // Read (and drop) the answer so the connection is released.
    await response.arrayBuffer().catch(() => undefined);
    const durationMs = Math.round(performance.now() - started);
    const ok = response.status >= 200 && response.status < 300;
    return { ok, statusCode: response.status, durationMs, error: ok ? null : `The receiver answered ${response.status} ${response.statusText}`.trim() };
  } catch (error) {
    const durationMs = Math.round(performance.now() - started);
    const reason = error instanceof Error && error.name === "TimeoutError" ? `no answer within ${WEBHOOK_TIMEOUT_MS / 1000} s` : describeNetworkError(error);
    return { ok: false, statusCode: null, durationMs, error: reason };
  }
}

function describeNetworkError(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const code = cause && typeof cause === "object" && "code" in cause ? String((cause as { code: unknown }).code) : null;
  const message = cause instanceof Error ? cause.message : String(cause);
  return code ? `${code}: ${message}` : message;
}
