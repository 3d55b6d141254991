import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { SetupForm } from "@/components/setup-form";
import { Card } from "@/components/ui/card";
import { isLoopback } from "@/lib/auth/client-ip";
import { isSetUp } from "@/lib/auth/data";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Set up" };

export default async function SetupPage() {
  if (await isSetUp()) redirect("/sign-in");
  // On the server's own machine whoever can open the page could read the code anyway.
  const needsCode = !isLoopback(await headers());
  return (
    <div className="mx-auto max-w-md space-y-4 pt-6">
      <div>
        <h1 className="text-2xl font-semibold">Set up Certboard</h1>
        <p className="mt-1 text-sm text-muted">Create the first admin account. Admins then add everyone else from Settings.</p>
      </div>
      <Card>
        <SetupForm needsCode={needsCode} />
      </Card>
    </div>
  );
}
