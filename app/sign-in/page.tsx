import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { z } from "zod";
import { SignInForm } from "@/components/sign-in-form";
import { Card } from "@/components/ui/card";
import { oidcEnabled } from "@/lib/auth/better-auth";
import { getPageUser } from "@/lib/auth/session";
import { isSetUp } from "@/lib/auth/data";
import { safeNextPath } from "@/lib/auth/next-path";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sign in" };

const querySchema = z.object({
  next: z.string().transform(safeNextPath).catch("/"),
  // Set by better-auth when single sign-on fails; only the code is used, never its free-text description.
  error: z.string().regex(/^[a-z0-9_]{1,60}$/i).optional().catch(undefined),
});

const SSO_ERRORS: Record<string, string> = {
  signup_disabled: "Your single sign-on identity has no Certboard account yet. Ask an admin to create one for your email address.",
  forbidden: "This account is deactivated. Ask an admin if you need access.",
  access_denied: "The sign-in was cancelled at the identity provider.",
};

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const { next, error } = querySchema.parse(await searchParams);
  if (!(await isSetUp())) redirect("/setup");
  if (await getPageUser()) redirect(next);
  return (
    <div className="mx-auto max-w-sm space-y-4 pt-6">
      <h1 className="text-2xl font-semibold">Sign in to Certboard</h1>
      <Card>
        <SignInForm
          next={next}
          singleSignOn={oidcEnabled()}
          ssoError={error ? (SSO_ERRORS[error] ?? `Single sign-on failed (${error}). Try again, or sign in with your password.`) : null}
        />
      </Card>
      <p className="text-xs text-muted">No account? Ask a Certboard admin to create one.</p>
    </div>
  );
}
