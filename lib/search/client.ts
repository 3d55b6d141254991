"use client";

import { queryOptions, useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { apiFetch } from "@/lib/api-client";
import type { SearchResponse } from "@/lib/search/schema";

export const searchKeys = {
  all: ["search"] as const,
  query: (product: string, q: string) => ["search", product, q] as const,
};

export function searchQuery(product: string, q: string) {
  const params = new URLSearchParams({ q });
  if (product) params.set("product", product);
  return queryOptions({
    queryKey: searchKeys.query(product, q),
    queryFn: ({ signal }) => apiFetch<SearchResponse>(`/api/v1/search?${params}`, { signal }),
    staleTime: 10_000,
  });
}

/** `value` once it has stopped changing for `ms`: one request per pause in typing, not per key. */
export function useDebouncedValue<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/**
 * Search results for what is typed (trimmed), fetched after a 150 ms pause; nothing for an empty
 * box. No placeholder from the previous words: Enter must never open a result of a query that was.
 */
export function useSearch(product: string, typed: string) {
  const q = useDebouncedValue(typed.trim(), 150);
  const query = useQuery({ ...searchQuery(product, q), enabled: q.length > 0 && q.length <= 200 });
  return { ...query, q, settling: q !== typed.trim() };
}
