"use client";

import { useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import type { CreatedToken } from "@/lib/tokens/client";

/** The new token's secret, shown once: Certboard keeps only a hash and cannot show it again. */
export function TokenSecret({ token, onDone }: { token: CreatedToken; onDone: () => void }) {
  const box = useRef<HTMLElement>(null);
  // Move focus here so keyboard and screen-reader users land on the secret they must copy now.
  useEffect(() => box.current?.focus(), []);
  const curl = `curl -H "Authorization: Bearer ${token.token}" ${window.location.origin}/api/v1/summary`;

  return (
    <section
      ref={box}
      tabIndex={-1}
      aria-labelledby="new-token-title"
      className="space-y-3 rounded-lg border-2 border-amber-400 bg-amber-50 p-4 text-sm text-amber-950"
      data-testid="new-token"
    >
      <h2 id="new-token-title" className="text-base font-semibold">Copy your new token “{token.name}” now</h2>
      <p>
        <strong>This is the only time it is shown.</strong> Certboard stores only a hash of it; if you lose it, revoke it and create another.
        Keep it in your CI system&apos;s secret store, never in a repository.
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <code className="min-w-0 flex-1 rounded border border-amber-300 bg-white px-2 py-1.5 font-mono text-xs break-all select-all" data-testid="new-token-secret">
          {token.token}
        </code>
        <CopyButton value={token.token} label="Copy token" />
      </div>
      <div>
        <p className="text-xs font-medium">Try it:</p>
        <div className="mt-1 flex flex-wrap items-center gap-2">
          <code className="min-w-0 flex-1 rounded bg-gray-900 px-2 py-1.5 font-mono text-xs break-all text-gray-100 select-all dark:bg-gray-50 dark:text-gray-900">{curl}</code>
          <CopyButton value={curl} label="Copy command" />
        </div>
        {token.role === "uploader" && (
          <p className="mt-1 text-xs">An uploader token may only upload results, so this read answers 403 for it; an unknown or revoked token gets 401.</p>
        )}
      </div>
      <Button variant="secondary" size="sm" onClick={onDone}>
        I have copied it
      </Button>
    </section>
  );
}
