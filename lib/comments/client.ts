"use client";

import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { itemKeys } from "@/lib/backlog/client";
import { FALLBACK_POLL_MS, useLiveStatus } from "@/lib/live/client";
import type { CommentView } from "./schema";

// An item's comments live under the item's own key, so a live change to the product (which
// invalidates ["items", product]) refreshes the thread, and a comment write refreshes the item's
// history (the editor's query) with it.
export const commentKeys = {
  list: (product: string, key: string) => [...itemKeys.detail(product, key), "comments"] as const,
};

function commentsPath(product: string, key: string, id?: string): string {
  return `/api/v1/items/${encodeURIComponent(key)}/comments${id ? `/${encodeURIComponent(id)}` : ""}?product=${encodeURIComponent(product)}`;
}

export function commentsQuery(product: string, key: string) {
  return queryOptions({
    queryKey: commentKeys.list(product, key),
    queryFn: async () => (await apiFetch<{ comments: CommentView[] }>(commentsPath(product, key))).comments,
  });
}

/** The thread, seeded by the server render; polls only while live updates are down. */
export function useComments(product: string, key: string, initial: CommentView[]) {
  const live = useLiveStatus(product) === "live";
  return useQuery({ ...commentsQuery(product, key), initialData: initial, refetchInterval: live ? false : FALLBACK_POLL_MS });
}

const json = (method: string, body?: unknown): RequestInit => ({
  method,
  ...(body !== undefined && { headers: { "content-type": "application/json" }, body: JSON.stringify(body) }),
});

/** Writes refresh the thread and the item (its history gains an event); errors are the caller's to show. */
function useCommentWrite<V>(product: string, key: string, write: (variables: V) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSettled: () => queryClient.invalidateQueries({ queryKey: itemKeys.detail(product, key) }),
  });
}

export function useAddComment(product: string, key: string) {
  const queryClient = useQueryClient();
  return useCommentWrite(product, key, async (body: string) => {
    const { comment } = await apiFetch<{ comment: CommentView }>(commentsPath(product, key), json("POST", { body }));
    queryClient.setQueryData<CommentView[]>(commentKeys.list(product, key), (list) => [...(list ?? []).filter((c) => c.id !== comment.id), comment]);
    return comment;
  });
}

export function useEditComment(product: string, key: string) {
  const queryClient = useQueryClient();
  return useCommentWrite(product, key, async ({ id, body }: { id: string; body: string }) => {
    const { comment } = await apiFetch<{ comment: CommentView }>(commentsPath(product, key, id), json("PATCH", { body }));
    queryClient.setQueryData<CommentView[]>(commentKeys.list(product, key), (list) => (list ?? []).map((c) => (c.id === id ? comment : c)));
    return comment;
  });
}

export function useDeleteComment(product: string, key: string) {
  const queryClient = useQueryClient();
  return useCommentWrite(product, key, async (id: string) => {
    await apiFetch<{ deleted: string }>(commentsPath(product, key, id), json("DELETE"));
    queryClient.setQueryData<CommentView[]>(commentKeys.list(product, key), (list) => (list ?? []).filter((c) => c.id !== id));
  });
}
