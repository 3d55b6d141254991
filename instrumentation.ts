// Runs once when a Next.js server process starts: the notification worker runs inside `npm start`
// unless CERTBOARD_WORKER=off (deployments that run `certboard worker` on their own).
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  if (process.env.CERTBOARD_WORKER === "off") return;
  const { startWorker } = await import("@/lib/notify/worker");
  try {
    await startWorker();
  } catch (error) {
    // The site still serves; notifications wait in the outbox until a worker runs.
    console.error(`[worker] could not start: ${error instanceof Error ? error.message : String(error)}`);
  }
}
