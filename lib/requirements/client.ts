"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { apiFetch } from "@/lib/api-client";
import type { SignOffView, SignOffWrite } from "@/lib/requirements/schema";

// Sign-offs are shown by server-rendered pages (the component board, the overview): after a write
// the page re-renders so the matrix, "what remains" and the history agree.

/** Where a requirement is signed off: a component of a product, or the product's listing (component null). */
export type SignOffTarget = { product: string; component: string | null };

function signOffPath(target: SignOffTarget, code: string): string {
  const at = encodeURIComponent(code);
  return target.component === null
    ? `/api/v1/products/${encodeURIComponent(target.product)}/requirements/${at}`
    : `/api/v1/components/${encodeURIComponent(target.component)}/requirements/${at}?product=${encodeURIComponent(target.product)}`;
}

export function useSignOff(target: SignOffTarget, code: string) {
  const router = useRouter();
  return useMutation({
    mutationFn: (write: SignOffWrite) =>
      apiFetch<{ signOff: SignOffView }>(signOffPath(target, code), { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify(write) }),
    onSuccess: ({ signOff }) => toast.success(`${code} signed off: ${signOff.status.replace("_", " ")}.`),
    onSettled: () => router.refresh(),
  });
}
