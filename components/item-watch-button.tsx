"use client";

import { Button } from "@/components/ui/button";
import { useWatchItem } from "@/lib/backlog/client";
import type { PersonRef } from "@/lib/backlog/schema";

/** Watch / Unwatch with the watcher count; anyone who can read the item may watch it. */
export function ItemWatchButton({ product, itemKey, watchers, meId }: { product: string; itemKey: string; watchers: PersonRef[]; meId: string }) {
  const watch = useWatchItem(product, itemKey);
  const watching = watchers.some((w) => w.id === meId);
  const names = watchers.map((w) => w.name || w.email).join(", ");
  return (
    <div className="flex items-center gap-2">
      <Button size="sm" variant="secondary" aria-pressed={watching} disabled={watch.isPending} onClick={() => watch.mutate(!watching)}>
        {watching ? "Unwatch" : "Watch"}
      </Button>
      <span className="text-xs text-muted" title={names || undefined}>
        {watchers.length === 0 ? "No watchers" : `${watchers.length} ${watchers.length === 1 ? "watcher" : "watchers"}`}
      </span>
    </div>
  );
}
