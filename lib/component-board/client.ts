"use client";

import { useInfiniteQuery, useQueryClient, type InfiniteData } from "@tanstack/react-query";
import { useEffect } from "react";
import { apiFetch } from "@/lib/api-client";
import type { BoardGrid, BoardHistoryRun, PageInfo } from "./schema";

// The board's first grid and history pages come with the server-rendered page; older ones load here
// ("Show older tags", "Show more runs"), a page at a time. When live updates re-render the page
// (router.refresh in lib/live/client.ts), the new first page replaces the cached one; once older
// pages are loaded they are all refetched from the newest, each from the fresh page before it, so
// a tag or run that moved between pages is neither lost nor shown twice.

export type HistoryPage = PageInfo & { runs: BoardHistoryRun[] };

export const boardKeys = {
  all: (product: string) => ["components", product] as const,
  pages: (product: string, slug: string, part: "grid" | "history") => ["components", product, slug, part] as const,
};

const pageUrl = (product: string, slug: string, part: "grid" | "history", query: Record<string, string>) =>
  `/api/v1/components/${encodeURIComponent(slug)}/${part}?${new URLSearchParams({ product, ...query }).toString()}`;

/** Follows the server's first page and loads older pages on demand. */
function usePages<P extends PageInfo>(product: string, slug: string, part: "grid" | "history", first: P, fetchPage: (cursor: string) => Promise<P>) {
  const queryClient = useQueryClient();
  const key = boardKeys.pages(product, slug, part);
  const query = useInfiniteQuery({
    queryKey: key,
    queryFn: ({ pageParam }) => fetchPage(pageParam),
    initialPageParam: "",
    getNextPageParam: (last: P) => last.nextCursor ?? undefined,
    initialData: { pages: [first], pageParams: [""] },
    // The page's own refresh (live updates) decides when the board is stale.
    staleTime: Infinity,
  });
  useEffect(() => {
    const key = boardKeys.pages(product, slug, part);
    const cached = queryClient.getQueryData<InfiniteData<P, string>>(key);
    if (!cached || cached.pages.length <= 1) queryClient.setQueryData<InfiniteData<P, string>>(key, { pages: [first], pageParams: [""] });
    else void queryClient.invalidateQueries({ queryKey: key, exact: true });
  }, [first, queryClient, product, slug, part]);
  return query;
}

/** The grid's tags, newest first: the server's page, then every older page loaded. */
export function useGridPages(product: string, slug: string, first: BoardGrid) {
  return usePages(product, slug, "grid", first, (cursor) =>
    apiFetch<{ grid: BoardGrid }>(pageUrl(product, slug, "grid", cursor ? { tags: cursor } : {})).then((page) => page.grid),
  );
}

/** The run history, newest first: the server's page, then every older page loaded. */
export function useHistoryPages(product: string, slug: string, first: HistoryPage) {
  return usePages(product, slug, "history", first, (cursor) =>
    apiFetch<{ history: BoardHistoryRun[]; historyPage: PageInfo }>(pageUrl(product, slug, "history", cursor ? { runs: cursor } : {})).then((page) => ({
      runs: page.history,
      ...page.historyPage,
    })),
  );
}
