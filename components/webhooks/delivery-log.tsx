"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge, type Tone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DateText } from "@/components/ui/date-text";
import { EmptyState } from "@/components/ui/empty-state";
import { DELIVERY_PAGE_SIZE, useDeliveries, useRedeliver } from "@/lib/webhooks/client";
import { DELIVERY_STATUS_LABELS, type AttemptView, type DeliveryStatus } from "@/lib/webhooks/schema";

const STATUS_TONES: Record<DeliveryStatus, Tone> = { pending: "blue", failing: "amber", delivered: "green", gave_up: "red" };

export function DeliveryStatusBadge({ status }: { status: DeliveryStatus }) {
  return <Badge tone={STATUS_TONES[status]}>{DELIVERY_STATUS_LABELS[status]}</Badge>;
}

/** "200 in 41 ms", or why no answer came. */
export function attemptSummary(attempt: AttemptView): string {
  const answer = attempt.statusCode === null ? "No answer" : `HTTP ${attempt.statusCode}`;
  return `${answer} in ${attempt.durationMs} ms${attempt.error && attempt.statusCode === null ? `: ${attempt.error}` : ""}`;
}

/** One webhook's deliveries, newest first, each with its attempts and a Redeliver button. */
export function DeliveryLog({ webhookId }: { webhookId: string }) {
  const [page, setPage] = useState(1);
  const deliveries = useDeliveries(webhookId, page);
  const redeliver = useRedeliver(webhookId);

  if (deliveries.isPending) return <p role="status" className="text-sm text-muted">Loading deliveries…</p>;
  if (deliveries.isError) {
    return (
      <Alert title="The delivery log could not be loaded">
        {deliveries.error.message}{" "}
        <button type="button" onClick={() => void deliveries.refetch()} className="font-medium underline">Try again</button>
      </Alert>
    );
  }
  const { deliveries: rows, total } = deliveries.data;
  if (total === 0) return <EmptyState title="No deliveries yet">Events this webhook subscribes to appear here; press Send test to try it now.</EmptyState>;
  const pages = Math.max(1, Math.ceil(total / DELIVERY_PAGE_SIZE));

  return (
    <div className="space-y-2">
      {redeliver.isError && <Alert title="Redeliver failed">{redeliver.error.message}</Alert>}
      {redeliver.data && (
        <p role="status" className="text-sm">
          Redelivered: {redeliver.data.attempt ? attemptSummary(redeliver.data.attempt) : "nothing was sent"}.
        </p>
      )}
      <div className="relative overflow-x-auto rounded-lg border border-line">
        <table className="stack-table w-full text-left text-sm" data-testid={`deliveries-${webhookId}`}>
          <caption className="sr-only">Deliveries, newest first</caption>
          <thead className="bg-gray-50 text-xs uppercase text-muted">
            <tr>
              <th scope="col" className="px-3 py-2">Event</th>
              <th scope="col" className="px-3 py-2">Status</th>
              <th scope="col" className="px-3 py-2">Last answer</th>
              <th scope="col" className="px-3 py-2">Created</th>
              <th scope="col" className="px-3 py-2"><span className="sr-only">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            {rows.map((delivery) => {
              const last = delivery.attempts.at(-1);
              const busy = redeliver.isPending && redeliver.variables === delivery.id;
              return (
                <tr key={delivery.id} className="border-t border-line align-top" data-testid="delivery-row">
                  <td className="px-3 py-2 md:min-w-60">
                    <span className="block break-words">{delivery.text}</span>
                    <span className="font-mono text-xs text-muted">{delivery.event}</span>
                    {delivery.attempts.length > 0 && (
                      <details className="mt-1">
                        <summary className="cursor-pointer text-xs font-medium">
                          {delivery.attempts.length === 1 ? "1 attempt" : `${delivery.attempts.length} attempts`}
                        </summary>
                        <ol className="mt-1 space-y-1 text-xs">
                          {delivery.attempts.map((a) => (
                            <li key={a.attempt}>
                              #{a.attempt} · <DateText iso={a.at} withTime /> · {attemptSummary(a)}
                              {a.manual && " · by hand"}
                              {a.error && a.statusCode !== null && <span className="block text-muted">{a.error}</span>}
                            </li>
                          ))}
                        </ol>
                      </details>
                    )}
                  </td>
                  <td className="px-3 py-2" data-label="Status"><DeliveryStatusBadge status={delivery.status} /></td>
                  <td className="px-3 py-2 text-xs" data-label="Last answer">{last ? attemptSummary(last) : <span className="text-muted">Not tried yet</span>}</td>
                  <td className="px-3 py-2 text-xs" data-label="Created"><DateText iso={delivery.createdAt} withTime /></td>
                  <td className="px-3 py-2 text-right">
                    <Button variant="secondary" size="sm" disabled={busy} onClick={() => redeliver.mutate(delivery.id)}>
                      {busy ? "Sending…" : "Redeliver"}
                      <span className="sr-only"> {delivery.event} of <DateText iso={delivery.createdAt} withTime /></span>
                    </Button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {pages > 1 && (
        <nav aria-label="Delivery pages" className="flex items-center gap-2 text-sm">
          <Button variant="secondary" size="sm" disabled={page <= 1} onClick={() => setPage((p) => p - 1)}>Newer</Button>
          <span>Page {page} of {pages}</span>
          <Button variant="secondary" size="sm" disabled={page >= pages} onClick={() => setPage((p) => p + 1)}>Older</Button>
        </nav>
      )}
    </div>
  );
}
