/**
 * Issue 16's component board target: the answer of `GET /api/v1/components/{slug}` (its first
 * page of tags and of runs) stays small however many builds the component has. The reads phase
 * measures it; this records it beside its limit.
 */
import { target } from "./targets.mjs";

export const BOARD_KIB_LIMIT = 150;

/**
 * @param {{ kibPerResponse: number | null } | undefined} read the reads phase's figures for the component path
 * @param {{ runs: number, archs: number }} sizes the dataset: one tag per build, every build on every architecture
 */
export function recordBoardTarget(read, sizes) {
  target({
    name: `component board answer (KiB) at ${sizes.runs} tags × ${sizes.archs} architectures`,
    measured: read?.kibPerResponse ?? null,
    op: "≤",
    limit: BOARD_KIB_LIMIT,
    unit: " KiB",
    basis: "mean body of GET /api/v1/components/{slug} in the reads phase (first page: 25 tags, 50 runs)",
  });
}
