"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { phaseKeys } from "@/lib/phases/client";
import type { PhaseBoard } from "@/lib/phases/schema";

// The plan a forecast is judged against: the product's target date and hours per week, and each
// phase's target date. Not optimistic: the forecast is recomputed on the server after a save.

export type ProductPlanPatch = { targetDate?: string | null; hoursPerWeek?: number | null };

const json = (body: unknown): RequestInit => ({ method: "PATCH", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

export function useSetProductPlan(product: string) {
  return useMutation({
    mutationFn: (patch: ProductPlanPatch) => apiFetch<{ product: { targetDate: string | null; hoursPerWeek: number | null } }>(`/api/v1/products/${encodeURIComponent(product)}`, json(patch)),
  });
}

/**
 * Sets or clears a phase's target date. The phase's version comes from the board the page keeps
 * fresh (its query), else from the page; the saved board replaces it, so the next change on the
 * page does not meet a version this save made stale.
 */
export function useSetPhaseTarget(product: string, phaseKey: string, pageVersion: number) {
  const queryClient = useQueryClient();
  const queryKey = phaseKeys.board(product, phaseKey);
  return useMutation({
    mutationFn: (targetDate: string | null) => {
      const version = queryClient.getQueryData<PhaseBoard>(queryKey)?.phase.version ?? pageVersion;
      return apiFetch<PhaseBoard>(`/api/v1/phases/${encodeURIComponent(phaseKey)}?product=${encodeURIComponent(product)}`, json({ version, targetDate }));
    },
    onSuccess: (board) => queryClient.setQueryData(queryKey, board),
    onSettled: () => queryClient.invalidateQueries({ queryKey: phaseKeys.all }),
  });
}
