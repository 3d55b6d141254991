"use client";

import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { FormError, issuesByField } from "@/lib/auth/client";
import { createTokenSchema } from "@/lib/auth/schema";
import type { useCreateToken } from "@/lib/tokens/client";

const EXPIRIES = [
  { value: "30d", label: "30 days" },
  { value: "90d", label: "90 days" },
  { value: "1y", label: "1 year" },
  { value: "never", label: "Never" },
] as const;

/** A new API token; limited to some products when any is ticked (none ticked: every product its owner sees). */
export function TokenCreateForm({ create, products }: { create: ReturnType<typeof useCreateToken>; products: { slug: string; name: string }[] }) {
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});
  const shown = { ...(create.error instanceof FormError ? create.error.fields : {}), ...errors };

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const parsed = createTokenSchema.safeParse({ name: data.get("name"), role: data.get("role"), expires: data.get("expires"), products: data.getAll("products") });
    create.reset();
    if (!parsed.success) {
      setErrors(issuesByField(parsed.error));
      return;
    }
    setErrors({});
    create.mutate(parsed.data, { onSuccess: () => form.reset() });
  }

  return (
    <form onSubmit={submit} className="space-y-3">
      <TextField label="Name" name="name" required maxLength={100} placeholder="e.g. GitLab CI preflight upload" autoComplete="off" error={shown.name} hint="Say where it is used, so it can be revoked with confidence later." />
      <SelectField
        label="Role"
        name="role"
        defaultValue="uploader"
        error={shown.role}
        hint="Uploader: only uploads preflight results. Engineer: reads, edits and imports like an engineer, but cannot create tokens."
      >
        <option value="uploader">Uploader</option>
        <option value="engineer">Engineer</option>
      </SelectField>
      <SelectField label="Expires after" name="expires" defaultValue="90d" error={shown.expires}>
        {EXPIRIES.map((e) => (
          <option key={e.value} value={e.value}>{e.label}</option>
        ))}
      </SelectField>
      {products.length > 1 && (
        <fieldset>
          <legend className="block text-xs font-medium text-muted">Products</legend>
          <p className="mt-0.5 text-xs text-muted">Tick the products this token may act on; on any other it is refused. None ticked: every product you can see.</p>
          <div className="mt-1 max-h-40 space-y-1 overflow-y-auto rounded border border-line p-2">
            {products.map((product) => (
              <label key={product.slug} className="flex items-start gap-2 text-sm">
                <input type="checkbox" name="products" value={product.slug} className="mt-1" />
                <span className="min-w-0 break-words">
                  {product.name} <span className="font-mono text-xs text-muted">{product.slug}</span>
                </span>
              </label>
            ))}
          </div>
          {shown.products && <p className="mt-1 text-xs text-red-700">{shown.products}</p>}
        </fieldset>
      )}
      {create.error && !Object.keys(shown).length && <Alert title="The token was not created">{create.error.message}</Alert>}
      <Button type="submit" disabled={create.isPending}>
        {create.isPending ? "Creating…" : "Create token"}
      </Button>
    </form>
  );
}
