"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DeliveryLog, attemptSummary } from "@/components/webhooks/delivery-log";
import { WebhookForm } from "@/components/webhooks/webhook-form";
import { EVENT_LABELS, type NotifyEvent } from "@/lib/outbox/schema";
import { useDeleteWebhook, useSendTest, useUpdateWebhook } from "@/lib/webhooks/client";
import { FORMAT_LABELS, type WebhookView } from "@/lib/webhooks/schema";

type Props = { webhook: WebhookView; products: { slug: string; name: string }[] };

/** One webhook: what it sends where, its actions, the last test's outcome and its delivery log. */
export function WebhookItem({ webhook, products }: Props) {
  const [editing, setEditing] = useState(false);
  const [showLog, setShowLog] = useState(false);
  const update = useUpdateWebhook();
  const remove = useDeleteWebhook();
  const test = useSendTest(webhook.id);
  const logId = `log-${webhook.id}`;

  function confirmDelete() {
    if (window.confirm(`Delete the webhook to ${webhook.url}? Its delivery log is deleted with it.`)) remove.mutate(webhook.id);
  }

  function sendTest() {
    test.mutate(undefined, { onSettled: () => setShowLog(true) });
  }

  return (
    <li className="rounded-lg border border-line bg-white p-4 shadow-sm" data-testid="webhook-item">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h3 className="min-w-0 break-all font-mono text-sm font-medium">{webhook.url}</h3>
        <Badge tone={webhook.active ? "green" : "gray"}>{webhook.active ? "Active" : "Disabled"}</Badge>
      </div>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
        <dt className="text-muted">Format</dt>
        <dd>{FORMAT_LABELS[webhook.format]}{webhook.hasSecret ? ", signed" : ""}</dd>
        <dt className="text-muted">Product</dt>
        <dd>{webhook.product?.name ?? "All products"}</dd>
        <dt className="text-muted">Events</dt>
        <dd>
          <ul className="flex flex-wrap gap-1">
            {webhook.events.map((event) => (
              <li key={event}><Badge title={EVENT_LABELS[event as NotifyEvent]}>{event}</Badge></li>
            ))}
          </ul>
        </dd>
      </dl>

      <div className="mt-3 flex flex-wrap gap-2">
        <Button size="sm" disabled={test.isPending} onClick={sendTest}>{test.isPending ? "Sending test…" : "Send test"}</Button>
        <Button size="sm" variant="secondary" aria-expanded={editing} onClick={() => setEditing((v) => !v)}>Edit</Button>
        <Button
          size="sm"
          variant="secondary"
          disabled={update.isPending}
          onClick={() => update.mutate({ id: webhook.id, patch: { active: !webhook.active } })}
        >
          {webhook.active ? "Disable" : "Enable"}
        </Button>
        <Button size="sm" variant="secondary" aria-expanded={showLog} aria-controls={logId} onClick={() => setShowLog((v) => !v)}>
          {showLog ? "Hide deliveries" : "Show deliveries"}
        </Button>
        <Button size="sm" variant="danger" disabled={remove.isPending} onClick={confirmDelete}>{remove.isPending ? "Deleting…" : "Delete"}</Button>
      </div>

      <div aria-live="polite" className="mt-2 empty:hidden">
        {test.data && (
          <Alert tone={test.data.ok ? "success" : "warning"} title={test.data.ok ? "Test delivered" : "Test not delivered"}>
            {test.data.attempt ? attemptSummary(test.data.attempt) : "Nothing was sent."}
            {!test.data.ok && test.data.attempt?.error ? ` — ${test.data.attempt.error}` : ""}
          </Alert>
        )}
      </div>
      {test.isError && <Alert title="The test could not be sent">{test.error.message}</Alert>}
      {update.isError && !editing && <Alert title="The webhook was not changed">{update.error.message}</Alert>}
      {remove.isError && <Alert title="The webhook was not deleted">{remove.error.message}</Alert>}

      {editing && (
        <div className="mt-3 border-t border-line pt-3">
          <WebhookForm
            webhook={webhook}
            products={products}
            pending={update.isPending}
            error={update.error}
            submitLabel="Save changes"
            onCancel={() => setEditing(false)}
            onSubmit={(values) => update.mutate({ id: webhook.id, patch: values }, { onSuccess: () => setEditing(false) })}
          />
        </div>
      )}
      {showLog && (
        <section id={logId} aria-label={`Deliveries to ${webhook.url}`} className="mt-3 border-t border-line pt-3">
          <DeliveryLog webhookId={webhook.id} />
        </section>
      )}
    </li>
  );
}
