import type { Metadata } from "next";
import Link from "next/link";
import { SettingsNav } from "@/components/settings-nav";
import { TokenManager } from "@/components/token-manager";
import { Alert } from "@/components/ui/alert";
import { can } from "@/lib/auth/schema";
import { requirePageUser } from "@/lib/auth/session";
import { listProductsFor } from "@/lib/products/data";
import { listApiTokens } from "@/lib/tokens/data";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "API tokens" };

export default async function TokensPage() {
  const user = await requirePageUser("/settings/tokens");
  const showUsers = can(user, "manage_users");
  if (!can(user, "manage_own_tokens")) {
    return (
      <div className="space-y-6">
        <SettingsNav current="tokens" showUsers={showUsers} />
        <Alert tone="warning" title="Your role cannot create API tokens">
          API tokens let pipelines and scripts act in Certboard. Viewers read and export only; ask an admin if a pipeline of yours needs a token.
        </Alert>
      </div>
    );
  }
  const showAll = can(user, "manage_all_tokens");
  const [tokens, products] = await Promise.all([listApiTokens(showAll ? "all" : { userId: user.id }), listProductsFor(user)]);
  return (
    <div className="space-y-6">
      <SettingsNav current="tokens" showUsers={showUsers} />
      <p className="text-sm text-muted">
        Tokens authenticate CI jobs and scripts with <code className="font-mono">Authorization: Bearer &lt;token&gt;</code>.
        {showAll ? " As an admin you see everyone's tokens and can revoke any of them." : " You see the tokens you created."} What a token can
        call is in the{" "}
        <Link href="/api/docs" className="text-blue-700 underline">
          API reference
        </Link>
        .
      </p>
      <TokenManager initialTokens={tokens} showOwner={showAll} products={products} />
    </div>
  );
}
