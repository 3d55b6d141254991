"use client";

import { TokenCreateForm } from "@/components/token-create-form";
import { TokenSecret } from "@/components/token-secret";
import { TokenTable } from "@/components/token-table";
import { Card } from "@/components/ui/card";
import { useCreateToken, useTokens, type TokenView } from "@/lib/tokens/client";

/** API tokens for CI and scripts: create one (its secret is shown once), see them, revoke them. */
export function TokenManager({ initialTokens, showOwner, products }: { initialTokens: TokenView[]; showOwner: boolean; products: { slug: string; name: string }[] }) {
  const tokens = useTokens(initialTokens);
  const create = useCreateToken();

  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <div className="min-w-0 space-y-4 lg:col-span-1">
        <Card title="Create a token">
          <TokenCreateForm create={create} products={products} />
        </Card>
      </div>
      <div className="min-w-0 space-y-4 lg:col-span-2">
        {create.data && <TokenSecret key={create.data.id} token={create.data} onDone={() => create.reset()} />}
        <Card
          title={showOwner ? "All tokens" : "Your tokens"}
          action={tokens.isFetching ? <span className="text-xs text-muted" aria-live="polite">Refreshing…</span> : null}
        >
          <TokenTable tokens={tokens.data} showOwner={showOwner} loadError={tokens.isError ? tokens.error.message : null} onRetry={() => void tokens.refetch()} />
        </Card>
      </div>
    </div>
  );
}
