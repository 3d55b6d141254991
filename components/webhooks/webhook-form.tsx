"use client";

import { useId, useState, type FormEvent } from "react";
import type { ZodError } from "zod";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { FormError } from "@/lib/auth/client";
import { EVENT_LABELS, NOTIFY_EVENTS, type NotifyEvent } from "@/lib/outbox/schema";
import { createWebhookSchema, FORMAT_LABELS, WEBHOOK_FORMATS, type WebhookFormatName, type WebhookView } from "@/lib/webhooks/schema";

const GROUPS: { label: string; events: NotifyEvent[] }[] = [
  { label: "Preflight runs", events: NOTIFY_EVENTS.filter((e) => e.startsWith("run.")) },
  { label: "Backlog items", events: NOTIFY_EVENTS.filter((e) => e.startsWith("item.")) },
  { label: "Phases", events: NOTIFY_EVENTS.filter((e) => e.startsWith("phase.")) },
  { label: "Components", events: NOTIFY_EVENTS.filter((e) => e.startsWith("evidence.") || e.startsWith("exception.") || e.startsWith("component.")) },
];

export type WebhookFormValues = { url: string; events: NotifyEvent[]; format: WebhookFormatName; product: string | null; secret?: string | null };

type Props = {
  products: { slug: string; name: string }[];
  /** Editing this webhook; absent: a new one. */
  webhook?: WebhookView;
  pending: boolean;
  error: Error | null;
  submitLabel: string;
  onSubmit: (values: WebhookFormValues, form: HTMLFormElement) => void;
  onCancel?: () => void;
};

/** The first message per top-level field (events.3 → events). */
function fieldErrors(error: ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) out[String(issue.path[0] ?? "")] ??= issue.message;
  return out;
}

/** Create or edit a webhook: where, which events, how it is formatted and signed. */
export function WebhookForm({ products, webhook, pending, error, submitLabel, onSubmit, onCancel }: Props) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const id = useId();
  const server = error instanceof FormError ? Object.fromEntries(Object.entries(error.fields).map(([k, v]) => [k.split(".")[0]!, v ?? ""])) : {};
  const shown: Record<string, string | undefined> = { ...server, ...errors };

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const secret = String(data.get("secret") ?? "");
    const removeSecret = data.get("removeSecret") === "on";
    const values = {
      url: String(data.get("url") ?? ""),
      events: data.getAll("events").map(String),
      format: String(data.get("format") ?? "json"),
      product: String(data.get("product") ?? "") || null,
      ...(secret ? { secret } : {}),
    };
    const parsed = createWebhookSchema.safeParse(values);
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error));
      return;
    }
    setErrors({});
    const { url, events, format, product } = parsed.data;
    onSubmit({ url, events, format, product: product ?? null, ...(secret ? { secret } : webhook && removeSecret ? { secret: null } : {}) }, form);
  }

  const formErrorShown = error && !Object.keys(shown).some((k) => shown[k]);
  return (
    <form onSubmit={submit} className="space-y-3" noValidate aria-label={webhook ? `Edit webhook ${webhook.url}` : "New webhook"}>
      <TextField label="URL" name="url" type="url" required maxLength={2000} defaultValue={webhook?.url} placeholder="https://hooks.example.com/certboard" autoComplete="off" error={shown.url} hint="Must start with http:// or https://." />
      <SelectField label="Format" name="format" defaultValue={webhook?.format ?? "json"} error={shown.format} hint="JSON is signed with the secret; Slack and Teams take their incoming-webhook URL.">
        {WEBHOOK_FORMATS.map((f) => (
          <option key={f} value={f}>{FORMAT_LABELS[f]}</option>
        ))}
      </SelectField>
      <SelectField label="Product" name="product" defaultValue={webhook?.product?.slug ?? ""} error={shown.product}>
        <option value="">All products</option>
        {products.map((p) => (
          <option key={p.slug} value={p.slug}>{p.name}</option>
        ))}
      </SelectField>
      <TextField
        label="Secret"
        name="secret"
        type="password"
        autoComplete="new-password"
        maxLength={200}
        error={shown.secret}
        hint={webhook?.hasSecret ? "A secret is set; leave empty to keep it, or type a new one." : "Optional, at least 8 characters: signs each JSON body (X-Certboard-Signature)."}
      />
      {webhook?.hasSecret && (
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="removeSecret" /> Remove the secret (stop signing)
        </label>
      )}
      <fieldset aria-describedby={shown.events ? `${id}-events-error` : undefined}>
        <legend className="block text-xs font-medium text-muted">Events</legend>
        <div className="mt-1 space-y-2 rounded border border-line p-2">
          {GROUPS.map((group) => (
            <fieldset key={group.label}>
              <legend className="text-xs font-semibold">{group.label}</legend>
              {group.events.map((event) => (
                <label key={event} className="flex items-start gap-2 text-sm">
                  <input type="checkbox" name="events" value={event} defaultChecked={webhook?.events.includes(event)} className="mt-1" />
                  <span className="min-w-0 break-words">
                    {EVENT_LABELS[event]} <span className="font-mono text-xs text-muted">{event}</span>
                  </span>
                </label>
              ))}
            </fieldset>
          ))}
        </div>
        {shown.events && <p id={`${id}-events-error`} className="mt-1 text-xs font-medium text-red-700">{shown.events}</p>}
      </fieldset>
      {formErrorShown && <Alert title={webhook ? "The webhook was not saved" : "The webhook was not created"}>{error.message}</Alert>}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={pending}>{pending ? "Saving…" : submitLabel}</Button>
        {onCancel && <Button variant="secondary" onClick={onCancel}>Cancel</Button>}
      </div>
    </form>
  );
}
