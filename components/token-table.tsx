"use client";

import { RoleBadge } from "@/components/role-badge";
import { Alert } from "@/components/ui/alert";
import { Badge, type Tone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DateText } from "@/components/ui/date-text";
import { EmptyState } from "@/components/ui/empty-state";
import { useRevokeToken, type TokenView } from "@/lib/tokens/client";

const STATE_TONES: Record<TokenView["state"], Tone> = { active: "green", expired: "amber", revoked: "gray" };
const STATE_LABELS: Record<TokenView["state"], string> = { active: "Active", expired: "Expired", revoked: "Revoked" };

type Props = { tokens: TokenView[]; showOwner: boolean; loadError: string | null; onRetry: () => void };

export function TokenTable({ tokens, showOwner, loadError, onRetry }: Props) {
  const revoke = useRevokeToken();

  function confirmRevoke(token: TokenView) {
    if (window.confirm(`Revoke the token “${token.name}” (cbt_${token.prefix}_…)? Anything using it stops working at once.`)) {
      revoke.mutate(token.id);
    }
  }

  return (
    <div className="space-y-3">
      {loadError && (
        <Alert title="The token list could not be refreshed">
          {loadError}{" "}
          <button type="button" onClick={onRetry} className="font-medium underline">Try again</button>
        </Alert>
      )}
      {revoke.error && <Alert title="The token was not revoked">{revoke.error.message}</Alert>}
      {tokens.length === 0 ? (
        <EmptyState title="No API tokens yet">Create one for each pipeline or script that talks to Certboard.</EmptyState>
      ) : (
        <div className="relative overflow-x-auto rounded-lg border border-line">
          <table className="stack-table w-full text-left text-sm" data-testid="token-table">
            <caption className="sr-only">API tokens</caption>
            <thead className="bg-gray-50 text-xs uppercase text-muted">
              <tr>
                <th scope="col" className="px-3 py-2">Name</th>
                <th scope="col" className="px-3 py-2">Token</th>
                <th scope="col" className="px-3 py-2">Role</th>
                {showOwner && <th scope="col" className="px-3 py-2">Owner</th>}
                <th scope="col" className="px-3 py-2">Created</th>
                <th scope="col" className="px-3 py-2">Expires</th>
                <th scope="col" className="px-3 py-2">Last used</th>
                <th scope="col" className="px-3 py-2">State</th>
                <th scope="col" className="px-3 py-2"><span className="sr-only">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((token) => {
                const revoking = revoke.isPending && revoke.variables === token.id;
                return (
                  <tr key={token.id} className="border-t border-line align-top" data-testid={`token-row-${token.prefix}`}>
                    <td className="px-3 py-2 md:min-w-40">
                      <span className="font-medium">{token.name}</span>
                      {token.products.length > 0 && <span className="block text-xs text-muted">Only {token.products.join(", ")}</span>}
                    </td>
                    <td className="px-3 py-2 font-mono text-xs whitespace-nowrap" data-label="Token">cbt_{token.prefix}_…</td>
                    <td className="px-3 py-2" data-label="Role"><RoleBadge role={token.role} /></td>
                    {showOwner && (
                      <td className="px-3 py-2 text-xs" data-label="Owner">{token.owner ?? <span className="text-muted">{token.createdBy}</span>}</td>
                    )}
                    <td className="px-3 py-2 text-xs" data-label="Created"><DateText iso={token.createdAt} /></td>
                    <td className="px-3 py-2 text-xs" data-label="Expires"><DateText iso={token.expiresAt} empty="Never" /></td>
                    <td className="px-3 py-2 text-xs" data-label="Last used"><DateText iso={token.lastUsedAt} withTime empty="never" /></td>
                    <td className="px-3 py-2" data-label="State"><Badge tone={STATE_TONES[token.state]}>{STATE_LABELS[token.state]}</Badge></td>
                    <td className="px-3 py-2 text-right">
                      {token.state === "active" && (
                        <Button variant="danger" size="sm" disabled={revoking} onClick={() => confirmRevoke(token)}>
                          {revoking ? "Revoking…" : "Revoke"}
                          <span className="sr-only"> {token.name}</span>
                        </Button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
