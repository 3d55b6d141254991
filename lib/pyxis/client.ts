"use client";

import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { apiFetch } from "@/lib/api-client";
import { sendJson } from "@/lib/auth/client";
import type { ConnectionView, SyncView } from "./schema";

// The integrations page's server state: each product's connection to Red Hat's catalog and its syncs.

const base = (product: string) => `/api/v1/products/${encodeURIComponent(product)}/integrations/pyxis`;

export const pyxisKeys = {
  all: ["pyxis"] as const,
  of: (product: string) => ["pyxis", product] as const,
  connection: (product: string) => ["pyxis", product, "connection"] as const,
  syncs: (product: string) => ["pyxis", product, "syncs"] as const,
};

export function connectionQuery(product: string) {
  return queryOptions({ queryKey: pyxisKeys.connection(product), queryFn: () => apiFetch<ConnectionView>(base(product)) });
}

export function syncsQuery(product: string) {
  return queryOptions({ queryKey: pyxisKeys.syncs(product), queryFn: async () => (await apiFetch<{ syncs: SyncView[] }>(`${base(product)}/sync`)).syncs });
}

export const useConnection = (product: string, initial: ConnectionView) => useQuery({ ...connectionQuery(product), initialData: initial });
export const useSyncs = (product: string, initial: SyncView[]) => useQuery({ ...syncsQuery(product), initialData: initial });

export function useSaveConnection(product: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { url: string; apiKey: string }) => sendJson<ConnectionView>(base(product), "PUT", input),
    onSettled: () => queryClient.invalidateQueries({ queryKey: pyxisKeys.of(product) }),
  });
}

export function useRemoveConnection(product: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => sendJson<null>(base(product), "DELETE"),
    onSettled: () => queryClient.invalidateQueries({ queryKey: pyxisKeys.of(product) }),
  });
}

export function useTestConnection(product: string) {
  return useMutation({ mutationFn: () => sendJson<{ ok: boolean; message: string }>(`${base(product)}/test`, "POST") });
}

export function useSyncNow(product: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => sendJson<SyncView>(`${base(product)}/sync`, "POST"),
    onSettled: () => queryClient.invalidateQueries({ queryKey: pyxisKeys.of(product) }),
  });
}

/** Dismiss on the component board: the board is server-rendered, so it is refreshed. */
export function useDismissConflict(product: string, slug: string) {
  const router = useRouter();
  return useMutation({
    mutationFn: (id: string) => sendJson<null>(`/api/v1/components/${encodeURIComponent(slug)}/conflicts/${encodeURIComponent(id)}?product=${encodeURIComponent(product)}`, "DELETE"),
    onSuccess: () => router.refresh(),
  });
}
