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

export function TokenCreateForm({ create }: { create: ReturnType<typeof useCreateToken> }) {
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});
  const shown = { ...(create.error instanceof FormError ? create.error.fields : {}), ...errors };

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const parsed = createTokenSchema.safeParse({ name: data.get("name"), role: data.get("role"), expires: data.get("expires") });
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
      {create.error && !Object.keys(shown).length && <Alert title="The token was not created">{create.error.message}</Alert>}
      <Button type="submit" disabled={create.isPending}>
        {create.isPending ? "Creating…" : "Create token"}
      </Button>
    </form>
  );
}
