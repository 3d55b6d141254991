"use client";

import type { FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { useSignIn, useSingleSignOn } from "@/lib/auth/client";
import { ApiError } from "@/lib/api-client";

type Props = { next: string; singleSignOn: boolean; ssoError: string | null };

function statusOf(error: Error): number {
  return error instanceof ApiError ? error.status : 0;
}

function describe(error: Error): string {
  if (statusOf(error) === 429) return `${error.message} Please wait before trying again.`;
  if (statusOf(error) === 403) return `${error.message} Ask an admin if you need access.`;
  return error.message;
}

export function SignInForm({ next, singleSignOn, ssoError }: Props) {
  const signIn = useSignIn(next);
  const sso = useSingleSignOn(next);
  const busy = signIn.isPending || signIn.isSuccess || sso.isPending || sso.isSuccess;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    sso.reset();
    signIn.mutate({ email: String(data.get("email") ?? "").trim(), password: String(data.get("password") ?? "") });
  }

  const error = signIn.error ?? sso.error;
  return (
    <div className="space-y-4">
      {ssoError && !error && <Alert title="Single sign-on did not work">{ssoError}</Alert>}
      <form onSubmit={submit} className="space-y-4">
        <TextField label="Email" name="email" type="email" autoComplete="username" required autoFocus maxLength={254} />
        <TextField label="Password" name="password" type="password" autoComplete="current-password" required maxLength={256} />
        {error && <Alert title={statusOf(error) === 429 ? "Too many attempts" : "You are not signed in"}>{describe(error)}</Alert>}
        <Button type="submit" disabled={busy} className="w-full">
          {signIn.isPending ? "Signing in…" : signIn.isSuccess ? "Signed in, loading…" : "Sign in"}
        </Button>
      </form>
      {singleSignOn && (
        <>
          <p className="flex items-center gap-3 text-xs text-muted before:h-px before:flex-1 before:bg-line after:h-px after:flex-1 after:bg-line">or</p>
          <Button
            variant="secondary"
            className="w-full"
            disabled={busy}
            onClick={() => {
              signIn.reset();
              sso.mutate();
            }}
          >
            {sso.isPending || sso.isSuccess ? "Opening single sign-on…" : "Sign in with single sign-on"}
          </Button>
        </>
      )}
    </div>
  );
}
