"use client";

import { useMutation } from "@tanstack/react-query";
import { toast } from "sonner";
import type { z } from "zod";
import { ApiError } from "@/lib/api-client";
import type { setupSchema } from "@/lib/auth/schema";

/** An API error that also names the form fields it is about (from a 400's zod issues). */
export class FormError extends ApiError {
  readonly fields: Partial<Record<string, string>>;

  constructor(status: number, code: string, message: string, fields: Partial<Record<string, string>>) {
    super(status, code, message);
    this.name = "FormError";
    this.fields = fields;
  }
}

type ErrorShape = { code?: unknown; message?: unknown; details?: unknown };

function fieldsOf(details: unknown): Partial<Record<string, string>> {
  const fields: Partial<Record<string, string>> = {};
  if (!Array.isArray(details)) return fields;
  for (const issue of details as { path?: unknown; message?: unknown }[]) {
    if (typeof issue.path === "string" && issue.path && typeof issue.message === "string") fields[issue.path] ??= issue.message;
  }
  return fields;
}

/**
 * Sends JSON and returns the JSON answer. Errors become a FormError whether they follow our
 * contract (`{error:{code,message,details}}`) or better-auth's (`{code,message}`).
 */
export async function sendJson<T>(path: string, method: "POST" | "PUT" | "PATCH" | "DELETE", body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: { accept: "application/json", ...(body !== undefined && { "content-type": "application/json" }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new FormError(0, "network", "Could not reach the server. Check your connection and try again.", {});
  }
  const data: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const record = (data ?? {}) as { error?: ErrorShape } & ErrorShape;
    const error: ErrorShape = record.error && typeof record.error === "object" ? record.error : record;
    const message = typeof error.message === "string" && error.message ? error.message : `The server answered ${response.status}.`;
    throw new FormError(response.status, typeof error.code === "string" ? error.code : "http_error", message, fieldsOf(error.details));
  }
  return data as T;
}

/** Field name → first message, from a failed client-side parse with the same schema the server uses. */
export function issuesByField(error: z.ZodError): Partial<Record<string, string>> {
  return fieldsOf(error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message })));
}

// Signing in, setting up and signing out end with a full page load on purpose: the root layout
// (header, who is signed in) re-renders and the query cache of the previous person is dropped.

/** First-run setup: creates the first admin and signs them in. */
export function useSetup() {
  return useMutation({
    mutationFn: (input: z.input<typeof setupSchema>) => sendJson<{ user: { id: string } }>("/api/v1/setup", "POST", input),
    // eslint-disable-next-line @next/next/no-location-assign-relative-destination -- full load, see above
    onSuccess: () => window.location.assign("/"),
  });
}

/** Email and password sign-in, then on to where the person was going. */
export function useSignIn(next: string) {
  return useMutation({
    mutationFn: (input: { email: string; password: string }) => sendJson<unknown>("/api/auth/sign-in/email", "POST", input),
    onSuccess: () => window.location.assign(next),
  });
}

/**
 * Single sign-on: better-auth answers with the identity provider's address. Generic OAuth providers
 * go through better-auth's social sign-in endpoint; failures come back to the sign-in page as ?error=.
 */
export function useSingleSignOn(next: string) {
  return useMutation({
    mutationFn: async () => {
      const answer = await sendJson<{ url?: unknown }>("/api/auth/sign-in/social", "POST", {
        provider: "oidc",
        callbackURL: next,
        errorCallbackURL: `/sign-in?next=${encodeURIComponent(next)}`,
      });
      if (typeof answer.url !== "string") throw new ApiError(0, "no_url", "The single sign-on provider gave no address to go to.");
      return answer.url;
    },
    onSuccess: (url) => window.location.assign(url),
  });
}

export function useSignOut() {
  return useMutation({
    mutationFn: () => sendJson<unknown>("/api/auth/sign-out", "POST", {}),
    // eslint-disable-next-line @next/next/no-location-assign-relative-destination -- full load, see above
    onSuccess: () => window.location.assign("/sign-in"),
    onError: (error) => toast.error(`Could not sign out: ${error.message}`),
  });
}
