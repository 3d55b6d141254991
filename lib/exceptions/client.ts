"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { apiFetch } from "@/lib/api-client";
import { componentPath, failure } from "@/lib/components/client";
import type { ExceptionKind, ExceptionView, ExceptionWrite } from "@/lib/exceptions/schema";

// A component's privileged or scratch exception; the board re-renders after a write (router.refresh).

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
