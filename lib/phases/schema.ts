import type { ItemSummary, PhaseTask, Status } from "@/lib/backlog/schema";
import type { PhaseProgressNumbers } from "@/lib/phases/progress";

// Wire types of the phase reads (safe to import in the browser).

export type PhaseHeader = {
  key: string;
  order: number;
  name: string;
  estimateText: string | null;
  deliverable: string | null;
  tasks: PhaseTask[];
};

export type PhaseBoard = {
  product: string;
  phase: PhaseHeader;
  /** Every status is present; items ordered by priority, then document position. */
  columns: Record<Status, ItemSummary[]>;
  progress: PhaseProgressNumbers;
};

export type PhaseBoardSummary = Omit<PhaseHeader, "tasks"> & { progress: PhaseProgressNumbers };

export function phaseBoardUrl(key: string, product?: string | null): string {
  return `/phases/${encodeURIComponent(key)}${product ? `?product=${encodeURIComponent(product)}` : ""}`;
}
