"use client";

import { queryOptions, useMutation, useMutationState, useQuery, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { apiFetch, ApiError } from "@/lib/api-client";
import { itemKeys } from "@/lib/backlog/client";
import { FALLBACK_POLL_MS, useLiveStatus } from "@/lib/live/client";
import { PRIORITIES, type ItemDetail, type ItemSummary, type Status } from "@/lib/backlog/schema";
import { moveFailedMessage, moveSavedMessage } from "@/lib/phases/board-messages";
import { computePhaseProgress } from "@/lib/phases/progress";
import type { PhaseBoard } from "@/lib/phases/schema";

export const phaseKeys = {
  all: ["phases"] as const,
  board: (product: string, key: string) => ["phases", product, key] as const,
  move: (product: string, key: string) => ["phases", product, key, "move"] as const,
  complete: (product: string, key: string) => ["phases", product, key, "complete"] as const,
};

/** The board polls only while its live stream (lib/live/client.ts) is not connected. */
const POLL_MS = FALLBACK_POLL_MS;

function boardPath(product: string, key: string) {
  return `/api/v1/phases/${encodeURIComponent(key)}?product=${encodeURIComponent(product)}`;
}

export function phaseBoardQuery(product: string, key: string) {
  return queryOptions({
    queryKey: phaseKeys.board(product, key),
    queryFn: () => apiFetch<PhaseBoard>(boardPath(product, key)),
    refetchInterval: POLL_MS,
    refetchOnWindowFocus: true,
    staleTime: 5_000,
  });
}

export function usePhaseBoard(initial: PhaseBoard) {
  const live = useLiveStatus(initial.product) === "live";
  return useQuery({ ...phaseBoardQuery(initial.product, initial.phase.key), refetchInterval: live ? false : POLL_MS, initialData: initial });
}

const priorityRank = (item: ItemSummary) => (item.priority ? PRIORITIES.indexOf(item.priority) : PRIORITIES.length);

/** The board with one item moved to another column, placed after the items of its priority or higher. */
export function moveCard(board: PhaseBoard, itemKey: string, to: Status, changes: Partial<ItemSummary> = {}): PhaseBoard {
  const columns = { ...board.columns };
  let moved: ItemSummary | undefined;
  for (const status of Object.keys(columns) as Status[]) {
    const found = columns[status].find((item) => item.key === itemKey);
    if (found) {
      moved = found;
      columns[status] = columns[status].filter((item) => item.key !== itemKey);
    }
  }
  if (!moved) return board;
  const next = { ...moved, ...changes, status: to };
  const target = [...columns[to]];
  const at = target.findIndex((item) => priorityRank(item) > priorityRank(next));
  target.splice(at === -1 ? target.length : at, 0, next);
  columns[to] = target;
  return { ...board, columns, progress: computePhaseProgress(Object.values(columns).flat()) };
}

export type MoveVariables = { item: ItemSummary; to: Status };

/**
 * Moves a card through the item PATCH door (the same as the item page), optimistically: the card
 * moves at once, a toast confirms once the server has stored it, or the card goes back with a toast
 * saying why and where it is; a 409 reloads the board. One toast per card: its next move replaces it.
 */
export function useMoveItem(product: string, phaseKey: string) {
  const queryClient = useQueryClient();
  const queryKey = phaseKeys.board(product, phaseKey);

  return useMutation({
    mutationKey: phaseKeys.move(product, phaseKey),
    mutationFn: ({ item, to }: MoveVariables) =>
      apiFetch<ItemDetail>(`/api/v1/items/${encodeURIComponent(item.key)}?product=${encodeURIComponent(product)}`, {
        method: "PATCH",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ version: item.version, status: to }),
      }),
    onMutate: async ({ item, to }) => {
      await queryClient.cancelQueries({ queryKey });
      const previous = queryClient.getQueryData<PhaseBoard>(queryKey);
      if (previous) queryClient.setQueryData<PhaseBoard>(queryKey, moveCard(previous, item.key, to));
      return { previous };
    },
    onError: (error, { item }, context) => {
      if (context?.previous) queryClient.setQueryData(queryKey, context.previous);
      if (error instanceof ApiError && error.status === 409) {
        toast.error(`${item.key} could not be moved: someone else changed it first. The board now shows the latest state.`, {
          id: `phase-move-${item.key}`,
          duration: 10_000,
        });
      } else {
        toast.error(moveFailedMessage(item.key, item.status, error.message), { id: `phase-move-${item.key}`, duration: 10_000 });
      }
    },
    onSuccess: (saved) => {
      const current = queryClient.getQueryData<PhaseBoard>(queryKey);
      if (current) {
        queryClient.setQueryData<PhaseBoard>(queryKey, moveCard(current, saved.key, saved.status, { version: saved.version, updatedAt: saved.updatedAt }));
      }
      queryClient.setQueryData(itemKeys.detail(product, saved.key), saved);
      toast.success(moveSavedMessage(saved.key, saved.status), { id: `phase-move-${saved.key}` });
    },
    onSettled: (_saved, _error, { item }) =>
      Promise.all([queryClient.invalidateQueries({ queryKey }), queryClient.invalidateQueries({ queryKey: itemKeys.detail(product, item.key) })]),
  });
}

/** Keys of items whose move is still on its way: they cannot be dragged again until it lands. */
export function usePendingMoves(product: string, phaseKey: string): Set<string> {
  const keys = useMutationState({
    filters: { mutationKey: phaseKeys.move(product, phaseKey), status: "pending" },
    select: (mutation) => (mutation.state.variables as MoveVariables | undefined)?.item.key,
  });
  return new Set(keys.filter((key): key is string => key !== undefined));
}

/**
 * Marks a phase complete or reopens it through PATCH /api/v1/phases/{key}. Not optimistic: the
 * server decides whether the gate is open, so the panel waits for its answer; a refusal (the gate,
 * or someone else's change first) is toasted with the server's reason and the board is reloaded.
 */
export function useSetPhaseCompleted(product: string, phaseKey: string) {
  const queryClient = useQueryClient();
  const queryKey = phaseKeys.board(product, phaseKey);

  return useMutation({
    mutationKey: phaseKeys.complete(product, phaseKey),
    mutationFn: ({ version, completed }: { version: number; completed: boolean }) =>
      apiFetch<PhaseBoard>(boardPath(product, phaseKey), {
        method: "PATCH",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ version, completed }),
      }),
    onSuccess: (board, { completed }) => {
      queryClient.setQueryData(queryKey, board);
      toast.success(`Phase ${board.phase.order} ${completed ? "marked complete" : "reopened"}.`);
    },
    onError: (error, { completed }) => {
      toast.error(`The phase was not ${completed ? "marked complete" : "reopened"}: ${error.message}`, { id: `phase-complete-${phaseKey}`, duration: 10_000 });
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: phaseKeys.all }),
  });
}
