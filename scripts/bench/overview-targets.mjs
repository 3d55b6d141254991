/**
 * Issue 16's overview targets, from the reads phase of the same run: the overview's HTML p95 at
 * most 40 × GET /api/health's p95 (one machine, one load, so the ratio travels between machines),
 * and at most 150 KiB of HTML (the whole response: the streamed parts included).
 */
import { target } from "./targets.mjs";

/**
 * @param {{ api: { p95: number | null, kibPerResponse: number | null, errors: number } } | undefined} overview
 * @param {{ p95: number | null }} health
 */
export function recordOverviewTargets(overview, health) {
  const ratio = overview?.api.p95 && health.p95 && !overview.api.errors ? overview.api.p95 / health.p95 : null;
  target({ name: "overview HTML p95 ÷ health p95", measured: ratio, op: "≤", limit: 40, unit: "×", basis: "GET / with a session cookie vs GET /api/health, same clients, same run" });
  target({ name: "overview HTML (KiB)", measured: overview?.api.kibPerResponse ?? null, op: "≤", limit: 150, unit: " KiB", basis: "bytes of one GET / response, RSC payload included" });
}
