"use client";

import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import type { CreateViewInput, SavedViewList, SavedViewSummary } from "@/lib/views/schema";

export const viewKeys = {
  all: ["views"] as const,
  list: (product: string) => ["views", product] as const,
};

export function viewsQuery(product: string) {
  return queryOptions({
    queryKey: viewKeys.list(product),
    queryFn: () => apiFetch<SavedViewList>(`/api/v1/views?product=${encodeURIComponent(product)}`),
  });
}

export function useSavedViews(product: string) {
  return useQuery(viewsQuery(product));
}

export function useCreateView(product: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: Omit<CreateViewInput, "product">) =>
      (
        await apiFetch<{ view: SavedViewSummary }>("/api/v1/views", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ ...input, product }),
        })
      ).view,
    onSettled: () => queryClient.invalidateQueries({ queryKey: viewKeys.list(product) }),
  });
}

/** Removes the view at once; put back if the server refuses. */
export function useDeleteView(product: string) {
  const queryClient = useQueryClient();
  const queryKey = viewKeys.list(product);
  return useMutation({
    mutationFn: (id: string) => apiFetch<null>(`/api/v1/views/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onMutate: async (id) => {
      await queryClient.cancelQueries({ queryKey });
      const previous = queryClient.getQueryData<SavedViewList>(queryKey);
      if (previous) queryClient.setQueryData<SavedViewList>(queryKey, { ...previous, views: previous.views.filter((v) => v.id !== id) });
      return { previous };
    },
    onError: (_error, _id, context) => {
      if (context?.previous) queryClient.setQueryData(queryKey, context.previous);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey }),
  });
}
