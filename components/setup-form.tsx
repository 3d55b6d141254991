"use client";

import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormError, issuesByField, useSetup } from "@/lib/auth/client";
import { setupSchema } from "@/lib/auth/schema";

type Errors = Partial<Record<"code" | "name" | "email" | "password" | "confirm", string>>;
const ORDER = ["code", "name", "email", "password", "confirm"] as const;

/**
 * Creates the first admin. Checked here with the server's own schema, then by the server. From
 * another machine it asks for the one-time setup code the server printed.
 */
export function SetupForm({ needsCode }: { needsCode: boolean }) {
  const setup = useSetup();
  const [errors, setErrors] = useState<Errors>({});
  const serverFields = setup.error instanceof FormError ? setup.error.fields : {};
  const shown: Errors = { ...serverFields, ...errors };

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const input = {
      name: String(data.get("name") ?? ""),
      email: String(data.get("email") ?? ""),
      password: String(data.get("password") ?? ""),
      ...(needsCode && { code: String(data.get("code") ?? "") }),
    };
    const parsed = setupSchema.safeParse(input);
    const next: Errors = parsed.success ? {} : issuesByField(parsed.error);
    if (needsCode && !input.code?.trim()) next.code = "Enter the setup code";
    if (data.get("confirm") !== input.password) next.confirm = "The two passwords do not match";
    setErrors(next);
    setup.reset();
    const first = ORDER.find((field) => next[field]);
    if (first) {
      form.querySelector<HTMLInputElement>(`[name="${first}"]`)?.focus();
      return;
    }
    setup.mutate(input);
  }

  const busy = setup.isPending || setup.isSuccess;
  return (
    <form noValidate onSubmit={submit} className="space-y-4">
      {needsCode && (
        <TextField
          label="Setup code"
          name="code"
          autoComplete="one-time-code"
          spellCheck={false}
          required
          maxLength={64}
          placeholder="XXXX-XXXX-XXXX-XXXX"
          hint="Printed by npm start when Certboard started; on the server, certboard setup-code prints it again."
          error={shown.code}
        />
      )}
      <TextField label="Name" name="name" autoComplete="name" required maxLength={100} error={shown.name} />
      <TextField label="Email" name="email" type="email" autoComplete="email" required maxLength={254} error={shown.email} />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={12}
        maxLength={256}
        hint="At least 12 characters. A few unrelated words make a good one."
        error={shown.password}
      />
      <TextField label="Confirm password" name="confirm" type="password" autoComplete="new-password" required maxLength={256} error={shown.confirm} />
      {setup.error && Object.keys(serverFields).length === 0 && <Alert title="The admin account was not created">{setup.error.message}</Alert>}
      <Button type="submit" disabled={busy} className="w-full">
        {setup.isPending ? "Creating the admin account…" : setup.isSuccess ? "Signing you in…" : "Create admin account"}
      </Button>
    </form>
  );
}
