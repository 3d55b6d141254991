"use client";

import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { SelectField, TextField } from "@/components/ui/field";
import { FormError, issuesByField } from "@/lib/auth/client";
import { createUserSchema, ROLE_LABELS, USER_ROLES } from "@/lib/auth/schema";
import { useCreateUser } from "@/lib/users/client";

const ROLE_HINT = "Viewers read and export. Engineers also edit, import and create API tokens. Admins also manage people.";

export function UserCreateForm() {
  const create = useCreateUser();
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});
  const shown = { ...(create.error instanceof FormError ? create.error.fields : {}), ...errors };
  const created = create.data;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const password = String(data.get("password") ?? "");
    const parsed = createUserSchema.safeParse({
      name: data.get("name"),
      email: data.get("email"),
      role: data.get("role"),
      password: password === "" ? undefined : password,
    });
    create.reset();
    if (!parsed.success) {
      setErrors(issuesByField(parsed.error));
      return;
    }
    setErrors({});
    create.mutate(parsed.data, { onSuccess: () => form.reset() });
  }

  return (
    <div className="space-y-4">
      <form onSubmit={submit} className="space-y-3">
        <TextField label="Name" name="name" required maxLength={100} autoComplete="off" error={shown.name} />
        <TextField label="Email" name="email" type="email" required maxLength={254} autoComplete="off" error={shown.email} />
        <SelectField label="Role" name="role" defaultValue="viewer" hint={ROLE_HINT} error={shown.role}>
          {USER_ROLES.map((role) => (
            <option key={role} value={role}>{ROLE_LABELS[role]}</option>
          ))}
        </SelectField>
        <TextField
          label="Password (optional)"
          name="password"
          type="password"
          autoComplete="new-password"
          minLength={12}
          maxLength={256}
          hint="At least 12 characters. Leave empty to generate one, shown once after creating."
          error={shown.password}
        />
        {create.error && !Object.keys(shown).length && <Alert title="The person was not added">{create.error.message}</Alert>}
        <Button type="submit" disabled={create.isPending}>
          {create.isPending ? "Adding…" : "Add person"}
        </Button>
      </form>
      {created && (
        <div className="space-y-2 rounded-lg border-2 border-amber-400 bg-amber-50 p-3 text-sm text-amber-950" role="status" data-testid="created-user">
          <p className="font-medium">
            Added {created.name} ({created.email}) as {ROLE_LABELS[created.role]}.
          </p>
          {created.generatedPassword ? (
            <>
              <p>
                <strong>This password is shown only now.</strong> Give it to them over a private channel; Certboard cannot show it again.
              </p>
              <div className="flex flex-wrap items-center gap-2">
                <code className="min-w-0 flex-1 rounded border border-amber-300 bg-white px-2 py-1.5 font-mono text-xs break-all select-all" data-testid="generated-password">
                  {created.generatedPassword}
                </code>
                <CopyButton value={created.generatedPassword} label="Copy password" />
              </div>
            </>
          ) : (
            <p>They sign in with the password you chose.</p>
          )}
          <Button variant="secondary" size="sm" onClick={() => create.reset()}>
            Done
          </Button>
        </div>
      )}
    </div>
  );
}
