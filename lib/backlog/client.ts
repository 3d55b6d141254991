"use client";

import { queryOptions, useIsMutating, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { toast } from "sonner";
import { apiFetch, ApiError } from "@/lib/api-client";
import type { ItemDetail } from "@/lib/backlog/schema";
import type { ItemPatch } from "@/lib/backlog/schema";

export const itemKeys = {
  all: ["items"] as const,
  detail: (product: string, key: string) => ["items", product, key] as const,
  update: (product: string, key: string) => ["items", product, key, "update"] as const,
};

function itemPath(product: string, key: string) {
  return `/api/v1/items/${encodeURIComponent(key)}?product=${encodeURIComponent(product)}`;
}

export function itemQuery(product: string, key: string) {
  return queryOptions({
    queryKey: itemKeys.detail(product, key),
    queryFn: () => apiFetch<ItemDetail>(itemPath(product, key)),
  });
}

export function useItem(initial: ItemDetail) {
  return useQuery({ ...itemQuery(initial.product, initial.key), initialData: initial });
}

export type ItemChanges = Omit<ItemPatch, "version">;

/**
 * Saves changes optimistically. Saves of one item run one after another (mutation scope), each
 * sending the version the previous save returned; a 409 means someone else saved first.
 */
export function useUpdateItem(product: string, key: string) {
  const queryClient = useQueryClient();
  const queryKey = itemKeys.detail(product, key);

  return useMutation({
    mutationKey: itemKeys.update(product, key),
    scope: { id: `item:${product}:${key}` },
    mutationFn: async (changes: ItemChanges) => {
      const current = queryClient.getQueryData<ItemDetail>(queryKey);
      if (!current) throw new ApiError(0, "not_loaded", "The item is not loaded yet.");
      return apiFetch<ItemDetail>(itemPath(product, key), {
        method: "PATCH",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ version: current.version, ...changes }),
      });
    },
    onMutate: async (changes) => {
      await queryClient.cancelQueries({ queryKey });
      const previous = queryClient.getQueryData<ItemDetail>(queryKey);
      if (previous) {
        // Owner and components come back from the server with names; the rest shows at once.
        const { phase, assignee: _assignee, components: _components, ...rest } = changes;
        queryClient.setQueryData<ItemDetail>(queryKey, {
          ...previous,
          ...rest,
          ...(phase !== undefined && { phase: phase ? { key: phase, name: previous.phase?.key === phase ? previous.phase.name : phase } : null }),
        } as ItemDetail);
      }
      return { previous };
    },
    onError: (error, _changes, context) => {
      if (context?.previous) queryClient.setQueryData(queryKey, context.previous);
      if (error instanceof ApiError && error.status === 409) {
        toast.error("Someone else saved this item first. Your change was not saved; the latest version is loaded now.", {
          id: "item-conflict",
          duration: 10_000,
        });
      } else {
        toast.error(`Your change was not saved: ${error.message}`);
      }
    },
    onSuccess: (saved) => {
      queryClient.setQueryData(queryKey, saved);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey }),
  });
}

/** Warns before leaving the page while saves of this item are still on their way. */
export function useUnsavedChangesGuard(product: string, key: string) {
  const saving = useIsMutating({ mutationKey: itemKeys.update(product, key) }) > 0;
  useEffect(() => {
    if (!saving) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [saving]);
  return saving;
}

/** Watch or stop watching; the item's watcher list is refreshed from the answer. */
export function useWatchItem(product: string, key: string) {
  const queryClient = useQueryClient();
  const queryKey = itemKeys.detail(product, key);
  return useMutation({
    mutationFn: (watching: boolean) =>
      apiFetch<{ watching: boolean; watchers: ItemDetail["watchers"] }>(`/api/v1/items/${encodeURIComponent(key)}/watch?product=${encodeURIComponent(product)}`, {
        method: watching ? "PUT" : "DELETE",
      }),
    onSuccess: ({ watchers }) => {
      const current = queryClient.getQueryData<ItemDetail>(queryKey);
      if (current) queryClient.setQueryData<ItemDetail>(queryKey, { ...current, watchers });
    },
    onError: (error) => toast.error(`Watching did not change: ${error.message}`),
  });
}
