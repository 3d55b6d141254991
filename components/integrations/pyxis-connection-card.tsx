"use client";

import { useState, type FormEvent } from "react";
import { SyncList } from "@/components/integrations/sync-list";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { ageText } from "@/lib/inbox/age";
import { useConnection, useRemoveConnection, useSaveConnection, useSyncNow, useSyncs, useTestConnection } from "@/lib/pyxis/client";
import { PYXIS_DEFAULT_URL, type ConnectionView, type SyncView } from "@/lib/pyxis/schema";

type Props = { product: { slug: string; name: string }; initial: ConnectionView; initialSyncs: SyncView[]; targets: number };

/** One product's connection to Red Hat's catalog: URL and key, Test connection, Sync now, and its syncs. */
export function PyxisConnectionCard({ product, initial, initialSyncs, targets }: Props) {
  const connection = useConnection(product.slug, initial);
  const syncs = useSyncs(product.slug, initialSyncs);
  const save = useSaveConnection(product.slug);
  const remove = useRemoveConnection(product.slug);
  const test = useTestConnection(product.slug);
  const syncNow = useSyncNow(product.slug);
  const view = connection.data;
  const [url, setUrl] = useState(view.url ?? PYXIS_DEFAULT_URL);
  const [apiKey, setApiKey] = useState("");
  const headingId = `pyxis-${product.slug}`;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    test.reset();
    save.mutate({ url, apiKey }, { onSuccess: () => setApiKey("") });
  };
  const last = view.lastSync;

  return (
    <Card title={<span id={headingId}>{product.name}</span>} className="min-w-0">
      <div className="grid gap-6 lg:grid-cols-2">
        <form onSubmit={submit} aria-labelledby={headingId} className="min-w-0 space-y-3">
          <p className="text-sm">
            {view.connected ? (
              <>Connected to <span className="font-mono break-all">{view.url}</span> by {view.updatedBy}.</>
            ) : (
              "Not connected: Certboard does not read Red Hat's catalog for this product."
            )}
          </p>
          <TextField label="Catalog API URL" name="url" type="url" required value={url} onChange={(e) => setUrl(e.target.value)} error={save.error && "fields" in save.error ? (save.error as { fields: Record<string, string> }).fields.url : undefined} />
          <TextField
            label="API key"
            name="apiKey"
            type="password"
            autoComplete="off"
            required
            value={apiKey}
            onChange={(e) => setApiKey(e.target.value)}
            hint={view.connected ? "A key is stored (it is never shown). Type a key to replace it; saving a new URL needs the key again." : "From Red Hat Partner Connect → your profile → API keys."}
          />
          <div className="flex flex-wrap gap-2">
            <Button type="submit" disabled={save.isPending}>{save.isPending ? "Saving…" : view.connected ? "Save" : "Connect"}</Button>
            <Button variant="secondary" disabled={!view.connected || test.isPending} onClick={() => test.mutate()}>
              {test.isPending ? "Testing…" : "Test connection"}
            </Button>
            {view.connected && (
              <Button variant="danger" disabled={remove.isPending} onClick={() => window.confirm(`Disconnect ${product.name} from Red Hat's catalog? Synced facts stay; syncs stop.`) && remove.mutate()}>
                Disconnect
              </Button>
            )}
          </div>
          {save.isError && <Alert title="Not saved">{save.error.message}</Alert>}
          {save.isSuccess && <p role="status" className="text-sm text-green-800">Saved. The key is stored sealed; press Test connection to try it.</p>}
          {test.data && (
            <Alert tone={test.data.ok ? "success" : "error"} title={test.data.ok ? "The catalog answered" : "The catalog did not accept the request"}>
              {test.data.message}
            </Alert>
          )}
          {test.isError && <Alert title="Could not test">{test.error.message}</Alert>}
          {remove.isError && <Alert title="Not disconnected">{remove.error.message}</Alert>}
        </form>
        <div className="min-w-0 space-y-3">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <p className="text-sm">
              {last ? (
                <>Last sync {ageText(last.startedAt, new Date())}.</>
              ) : (
                "Never synced."
              )}{" "}
              <span className="text-muted">
                {targets} {targets === 1 ? "component has" : "components have"} a Partner Connect project id.
              </span>
            </p>
            <Button variant="secondary" size="sm" disabled={!view.connected || syncNow.isPending} onClick={() => syncNow.mutate()}>
              {syncNow.isPending ? "Syncing…" : "Sync now"}
            </Button>
          </div>
          {syncNow.isError && <Alert title="Sync did not run">{syncNow.error.message}</Alert>}
          {syncNow.data && (
            <p role="status" className="text-sm">
              Sync {syncNow.data.outcome === "ok" ? "done" : syncNow.data.outcome === "partial" ? "done, with failures" : "failed"}: {syncNow.data.changes.length} changed, {syncNow.data.failures.length} failed.
            </p>
          )}
          <SyncList syncs={syncs.data} />
        </div>
      </div>
    </Card>
  );
}
