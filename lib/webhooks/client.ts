"use client";

import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { sendJson } from "@/lib/auth/client";
import type { DeliveryPage, TryResult, WebhookView } from "./schema";
import type { createWebhookSchema, updateWebhookSchema } from "./schema";
import type { z } from "zod";

// The webhook settings page's server state: the list, each webhook's delivery log, and the writes.

export type NewWebhookInput = z.input<typeof createWebhookSchema>;
export type WebhookPatch = z.input<typeof updateWebhookSchema>;

const base = (id: string) => `/api/v1/webhooks/${encodeURIComponent(id)}`;

export const webhookKeys = {
  all: ["webhooks"] as const,
  list: () => ["webhooks", "list"] as const,
  deliveries: (id: string, page: number) => ["webhooks", "deliveries", id, page] as const,
  deliveriesOf: (id: string) => ["webhooks", "deliveries", id] as const,
};

export function webhooksQuery() {
  return queryOptions({
    queryKey: webhookKeys.list(),
    queryFn: async () => (await apiFetch<{ webhooks: WebhookView[] }>("/api/v1/webhooks")).webhooks,
  });
}

/** The list, starting from the server-rendered rows. */
export function useWebhooks(initial: WebhookView[]) {
  return useQuery({ ...webhooksQuery(), initialData: initial });
}

export const DELIVERY_PAGE_SIZE = 10;

export function useDeliveries(id: string, page: number) {
  return useQuery({
    queryKey: webhookKeys.deliveries(id, page),
    queryFn: () => apiFetch<DeliveryPage>(`${base(id)}/deliveries?page=${page}&pageSize=${DELIVERY_PAGE_SIZE}`),
    placeholderData: keepPreviousData,
  });
}

export function useCreateWebhook() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: NewWebhookInput) => (await sendJson<{ webhook: WebhookView }>("/api/v1/webhooks", "POST", input)).webhook,
    onSettled: () => queryClient.invalidateQueries({ queryKey: webhookKeys.list() }),
  });
}

export function useUpdateWebhook() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, patch }: { id: string; patch: WebhookPatch }) => (await sendJson<{ webhook: WebhookView }>(base(id), "PATCH", patch)).webhook,
    onSettled: () => queryClient.invalidateQueries({ queryKey: webhookKeys.list() }),
  });
}

export function useDeleteWebhook() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => sendJson<{ deleted: string }>(base(id), "DELETE"),
    onSettled: () => queryClient.invalidateQueries({ queryKey: webhookKeys.all }),
  });
}

/** Send test and Redeliver answer with the try's outcome; the log is refreshed either way. */
export function useSendTest(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => sendJson<TryResult>(`${base(id)}/test`, "POST"),
    onSettled: () => queryClient.invalidateQueries({ queryKey: webhookKeys.deliveriesOf(id) }),
  });
}

export function useRedeliver(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (deliveryId: string) => sendJson<TryResult>(`${base(id)}/deliveries/${encodeURIComponent(deliveryId)}/redeliver`, "POST"),
    onSettled: () => queryClient.invalidateQueries({ queryKey: webhookKeys.deliveriesOf(id) }),
  });
}
