"use client";

import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useMutation, useQuery, useQueryClient, type InfiniteData, type QueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { BELL_ROWS, type MarkReadInput, type MarkReadResult, type NotificationList } from "./schema";

/** The bell and the page poll this often; the live stream (lib/live/client.ts) also invalidates them. */
export const INBOX_POLL_MS = 30_000;
const PAGE_ROWS = 25;

export const inboxKeys = {
  all: ["notifications"] as const,
  bell: () => ["notifications", "bell"] as const,
  pages: (unread: boolean) => ["notifications", "pages", { unread }] as const,
};

const listUrl = (params: Record<string, string>) => `/api/v1/notifications?${new URLSearchParams(params).toString()}`;

export function bellQuery() {
  return queryOptions({
    queryKey: inboxKeys.bell(),
    queryFn: () => apiFetch<NotificationList>(listUrl({ limit: String(BELL_ROWS) })),
    staleTime: 5_000,
    refetchInterval: INBOX_POLL_MS,
    refetchOnWindowFocus: true,
  });
}

export const useBellNotifications = () => useQuery(bellQuery());

export function inboxPagesQuery(unread: boolean) {
  return infiniteQueryOptions({
    queryKey: inboxKeys.pages(unread),
    queryFn: ({ pageParam }) =>
      apiFetch<NotificationList>(listUrl({ limit: String(PAGE_ROWS), ...(unread && { unread: "true" }), ...(pageParam && { cursor: pageParam }) })),
    initialPageParam: "",
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    staleTime: 5_000,
    refetchInterval: INBOX_POLL_MS,
    refetchOnWindowFocus: true,
  });
}

export const useInboxPages = (unread: boolean) => useInfiniteQuery(inboxPagesQuery(unread));

/** Marks rows read in every cached list at once (the count too); the server's answer settles it. */
function markCached(client: QueryClient, input: MarkReadInput) {
  const now = new Date().toISOString();
  const mark = (list: NotificationList): NotificationList => {
    let marked = 0;
    const notifications = list.notifications.map((n) => {
      if (n.readAt || !("all" in input || input.ids.includes(n.id))) return n;
      marked += 1;
      return { ...n, readAt: now };
    });
    return { ...list, notifications, unread: "all" in input ? 0 : Math.max(0, list.unread - marked) };
  };
  client.setQueryData<NotificationList>(inboxKeys.bell(), (list) => list && mark(list));
  client.setQueriesData<InfiniteData<NotificationList>>({ queryKey: ["notifications", "pages"] }, (data) => data && { ...data, pages: data.pages.map(mark) });
}

export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: MarkReadInput) =>
      apiFetch<MarkReadResult>("/api/v1/notifications/read", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(input),
      }),
    onMutate: async (input) => {
      await client.cancelQueries({ queryKey: inboxKeys.all });
      const snapshot = client.getQueriesData({ queryKey: inboxKeys.all });
      markCached(client, input);
      return { snapshot };
    },
    onError: (_error, _input, context) => {
      for (const [key, data] of context?.snapshot ?? []) client.setQueryData(key, data);
    },
    onSettled: () => client.invalidateQueries({ queryKey: inboxKeys.all }),
  });
}
