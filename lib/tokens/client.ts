"use client";

import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { apiFetch } from "@/lib/api-client";
import { sendJson } from "@/lib/auth/client";
import type { createTokenSchema } from "@/lib/auth/schema";
import type { TokenView } from "@/lib/tokens/data";
import type { CreatedToken } from "@/lib/tokens/mutations";

// Wire types only: `export type` is erased, so nothing server-side reaches the browser bundle.
export type { CreatedToken, TokenView };
export type NewTokenInput = z.input<typeof createTokenSchema>;

export const tokenKeys = {
  all: ["tokens"] as const,
  list: () => ["tokens", "list"] as const,
};

export function tokensQuery() {
  return queryOptions({
    queryKey: tokenKeys.list(),
    queryFn: async () => (await apiFetch<{ tokens: TokenView[] }>("/api/v1/tokens")).tokens,
  });
}

/** The token list, starting from the server-rendered rows. */
export function useTokens(initial: TokenView[]) {
  return useQuery({ ...tokensQuery(), initialData: initial });
}

export function useCreateToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: NewTokenInput) => (await sendJson<{ token: CreatedToken }>("/api/v1/tokens", "POST", input)).token,
    onSettled: () => queryClient.invalidateQueries({ queryKey: tokenKeys.all }),
  });
}

export function useRevokeToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => sendJson<{ revoked: string }>(`/api/v1/tokens/${encodeURIComponent(id)}`, "DELETE"),
    onSettled: () => queryClient.invalidateQueries({ queryKey: tokenKeys.all }),
  });
}
