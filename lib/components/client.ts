"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { apiFetch, ApiError } from "@/lib/api-client";
import type { ComponentBoard } from "@/lib/component-board/schema";
import type { ComponentPatch } from "@/lib/components/schema";
import type { ExceptionKind, ExceptionView, ExceptionWrite } from "@/lib/exceptions/schema";

// The component board is rendered on the server; after a write the page re-renders (router.refresh)
// so the policy, the requirement matrix and the phase gates all show the new state together.

const componentPath = (product: string, slug: string, rest = "") =>
  `/api/v1/components/${encodeURIComponent(slug)}${rest}?product=${encodeURIComponent(product)}`;

function failure(what: string) {
  return (error: Error) => {
    const conflict = error instanceof ApiError && error.status === 409;
    toast.error(conflict ? `${error.message} The page now shows the latest state.` : `${what}: ${error.message}`);
  };
}

export function useUpdateComponent(product: string, slug: string) {
  const router = useRouter();
  return useMutation({
    mutationFn: (patch: ComponentPatch) =>
      apiFetch<ComponentBoard>(componentPath(product, slug), { method: "PATCH", headers: { "content-type": "application/json" }, body: JSON.stringify(patch) }),
    onSuccess: () => toast.success("Component saved."),
    onError: failure("The component was not saved"),
    onSettled: () => router.refresh(),
  });
}

export function useSaveException(product: string, slug: string, kind: ExceptionKind) {
  const router = useRouter();
  return useMutation({
    mutationFn: (write: ExceptionWrite) =>
      apiFetch<{ exception: ExceptionView }>(componentPath(product, slug, `/exceptions/${kind}`), {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(write),
      }),
    onSuccess: ({ exception }) => toast.success(`The ${kind} exception is ${exception.status}.`),
    onError: failure(`The ${kind} exception was not saved`),
    onSettled: () => router.refresh(),
  });
}
