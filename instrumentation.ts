// Runs once when a Next.js server process starts: the metrics every process reports, and the
// notification worker inside `npm start` unless CERTBOARD_WORKER=off (deployments that run
// `certboard worker` on their own; scripts/serve.mjs sets it for all cluster workers but one, so
// background jobs run once per server, not once per worker).
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { registerMetrics } = await import("@/lib/metrics/data");
  registerMetrics();
  if (process.env.CERTBOARD_WORKER === "off") return;
  const { startWorker } = await import("@/lib/notify/worker");
  // Not awaited: the server answers while the queue starts (a replaced cluster worker is back in
  // seconds); the site still serves if it fails, and notifications wait in the outbox until a worker runs.
  startWorker().catch((error: unknown) => {
    console.error(`[worker] could not start: ${error instanceof Error ? error.message : String(error)}`);
  });
}
