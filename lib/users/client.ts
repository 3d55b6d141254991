"use client";

import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { apiFetch } from "@/lib/api-client";
import { sendJson } from "@/lib/auth/client";
import type { createUserSchema, updateUserSchema } from "@/lib/auth/schema";
import type { UserView } from "@/lib/users/data";
import type { CreatedUser } from "@/lib/users/mutations";

// Wire types only: `export type` is erased, so nothing server-side reaches the browser bundle.
export type { CreatedUser, UserView };
export type NewUserInput = z.input<typeof createUserSchema>;
export type UserChanges = z.input<typeof updateUserSchema>;

export const userKeys = {
  all: ["users"] as const,
  list: () => ["users", "list"] as const,
};

export function usersQuery() {
  return queryOptions({
    queryKey: userKeys.list(),
    queryFn: async () => (await apiFetch<{ users: UserView[] }>("/api/v1/users")).users,
  });
}

/** The user list, starting from the server-rendered rows. */
export function useUsers(initial: UserView[]) {
  return useQuery({ ...usersQuery(), initialData: initial });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: NewUserInput) => (await sendJson<{ user: CreatedUser }>("/api/v1/users", "POST", input)).user,
    onSettled: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}

/** Role changes and (de)activation; the server refuses to remove the last active admin. */
export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...changes }: UserChanges & { id: string }) =>
      sendJson<{ user: Omit<UserView, "createdAt"> }>(`/api/v1/users/${encodeURIComponent(id)}`, "PATCH", changes),
    onSettled: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}
