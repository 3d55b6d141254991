"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { apiFetch, ApiError } from "@/lib/api-client";
import type { ComponentPatch } from "@/lib/components/schema";

// The component board is rendered on the server; after a write the page re-renders (router.refresh)
// so the policy, the requirement matrix and the phase gates all show the new state together.

export const componentPath = (product: string, slug: string, rest = "") =>
  `/api/v1/components/${encodeURIComponent(slug)}${rest}?product=${encodeURIComponent(product)}`;

export function failure(what: string) {
  return (error: Error) => {
    const conflict = error instanceof ApiError && error.status === 409;
    toast.error(conflict ? `${error.message} The page now shows the latest state.` : `${what}: ${error.message}`);
  };
}

export function useUpdateComponent(product: string, slug: string) {
  const router = useRouter();
  return useMutation({
    mutationFn: (patch: ComponentPatch) =>
      // The answer is the board, which the page re-renders from the server; nothing here reads it.
      apiFetch<unknown>(componentPath(product, slug), { method: "PATCH", headers: { "content-type": "application/json" }, body: JSON.stringify(patch) }),
    onSuccess: () => toast.success("Component saved."),
    onError: failure("The component was not saved"),
    onSettled: () => router.refresh(),
  });
}
