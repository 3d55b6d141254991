/**
 * Bench phase "backlog import": a generated document of about 1.9 MiB and 1,800 items
 * (import-document.mjs) imported through POST /api/v1/backlog/import into a product of its own,
 * while one client asks GET /api/health back to back, as it did for a few seconds before (idle).
 * Records issue 16's two targets: the import's wall time, and health p95 during it ÷ idle p95.
 */
import { largeBacklog } from "./import-document.mjs";
import { summarize } from "./stats.mjs";
import { target } from "./targets.mjs";

const IMPORT_BYTES = Math.round(1.9 * 2 ** 20);
const IMPORT_ITEMS = 1800;
const IDLE_SECONDS = 3;

/** GET /api/health back to back until `until()` says stop; latencies in ms. @param {string} base @param {() => boolean} until */
async function sampleHealth(base, until) {
  /** @type {number[]} */
  const samples = [];
  while (!until()) {
    const t0 = performance.now();
    const res = await fetch(`${base}/api/health`);
    await res.arrayBuffer();
    if (res.ok) samples.push(performance.now() - t0);
  }
  return samples;
}

/**
 * @param {{ base: string, headers: Record<string, string>, log: (line: string) => void }} options
 */
export async function measureImport(options) {
  const { text, items, bytes } = largeBacklog({ bytes: IMPORT_BYTES, items: IMPORT_ITEMS });
  options.log(`[bench] import: GET /api/health alone for ${IDLE_SECONDS} s, then a ${(bytes / 2 ** 20).toFixed(2)} MiB backlog of ${items} items`);
  const idleEnd = performance.now() + IDLE_SECONDS * 1000;
  const idle = summarize(await sampleHealth(options.base, () => performance.now() > idleEnd));
  let importing = true;
  const during = sampleHealth(options.base, () => !importing);
  const t0 = performance.now();
  const res = await fetch(`${options.base}/api/v1/backlog/import?product=bench-import-${Date.now()}`, {
    method: "POST",
    headers: { ...options.headers, "content-type": "text/markdown" },
    body: text,
  });
  const answer = /** @type {{ created?: number, items?: number, error?: unknown }} */ (await res.json());
  const seconds = (performance.now() - t0) / 1000;
  importing = false;
  const busy = summarize(await during);
  const ok = res.status === 201 && answer.created === items;
  if (!ok) options.log(`[bench] import: answered ${res.status} ${JSON.stringify(answer).slice(0, 300)}`);
  const ratio = idle.p95 > 0 ? busy.p95 / idle.p95 : null;
  target({ name: "backlog import 1.9 MiB (s)", measured: ok ? seconds : null, op: "≤", limit: 3, unit: " s", basis: `${items} items, ${(bytes / 2 ** 20).toFixed(2)} MiB, one POST /api/v1/backlog/import` });
  target({
    name: "health p95 during import ÷ idle",
    measured: ok ? ratio : null,
    op: "≤",
    limit: 3,
    basis: `GET /api/health back to back, one client: idle p95 ${idle.p95.toFixed(1)} ms (${idle.count}), during ${busy.p95.toFixed(1)} ms (${busy.count})`,
  });
  return { status: res.status, created: answer.created ?? null, items, bytes, seconds, health: { idle, during: busy } };
}
