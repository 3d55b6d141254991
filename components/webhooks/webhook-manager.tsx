"use client";

import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { WebhookForm } from "@/components/webhooks/webhook-form";
import { WebhookItem } from "@/components/webhooks/webhook-item";
import { useCreateWebhook, useWebhooks } from "@/lib/webhooks/client";
import type { WebhookView } from "@/lib/webhooks/schema";

/** Admins' webhooks: add one, and for each send a test, edit, disable, delete and read its log. */
export function WebhookManager({ initialWebhooks, products }: { initialWebhooks: WebhookView[]; products: { slug: string; name: string }[] }) {
  const webhooks = useWebhooks(initialWebhooks);
  const create = useCreateWebhook();

  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <div className="min-w-0 lg:col-span-1">
        <Card title="Add a webhook">
          <WebhookForm
            products={products}
            pending={create.isPending}
            error={create.error}
            submitLabel="Add webhook"
            onSubmit={(values, form) => {
              create.reset();
              create.mutate({ ...values, secret: values.secret ?? undefined }, { onSuccess: () => form.reset() });
            }}
          />
          {create.isSuccess && <p role="status" className="mt-2 text-sm">Webhook added. Press Send test to try it.</p>}
        </Card>
      </div>
      <div className="min-w-0 space-y-3 lg:col-span-2">
        <div className="flex items-center justify-between">
          <h2 className="text-base font-semibold">Webhooks</h2>
          {webhooks.isFetching && <span className="text-xs text-muted" aria-live="polite">Refreshing…</span>}
        </div>
        {webhooks.isError && (
          <Alert title="The webhook list could not be refreshed">
            {webhooks.error.message}{" "}
            <button type="button" onClick={() => void webhooks.refetch()} className="font-medium underline">Try again</button>
          </Alert>
        )}
        {webhooks.data.length === 0 ? (
          <EmptyState title="No webhooks yet">Add one to post Certboard&apos;s events to your chat or your own service.</EmptyState>
        ) : (
          <ul className="space-y-3" aria-label="Webhooks">
            {webhooks.data.map((webhook) => (
              <WebhookItem key={webhook.id} webhook={webhook} products={products} />
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
