import "server-only";
import PgBoss from "pg-boss";
import { getEnv } from "@/lib/env";
import { getChangeListener } from "@/lib/live/data";
import { deliverOnce, DeliveryFailed } from "./deliver/mutations";
import { DELIVER_QUEUE, relayAll, type JobWriter } from "./relay/mutations";
import { startScheduledChecks } from "./schedule";

// The notification worker: relays the outbox and delivers through pg-boss, a job queue in
// PostgreSQL (schema "pgboss"). Any number of server processes run it side by side: the relay
// claims rows with SKIP LOCKED, each job goes to one worker, and schedules fire once.

/** First retry 15–30 s after a failed try, doubling each time (pg-boss' backoff adds up to 100 % jitter). */
export const RETRY = { retryLimit: 13, retryDelay: 15, retryBackoff: true } as const;
/** A relay sweep catches rows whose wake-up was missed (the listener was reconnecting). */
const SWEEP_MS = 15_000;
/** Deliveries one worker process tries at once. */
const BATCH = 10;

type Log = (message: string) => void;

export type Worker = { boss: PgBoss; relay: () => Promise<number>; stop: () => Promise<void> };

const globalForWorker = globalThis as unknown as { certboardWorker?: Promise<Worker> };

/** pg-boss writes its jobs through the relay's own transaction, so fan-out and jobs commit together. */
function jobWriter(boss: PgBoss): JobWriter {
  return async (db, jobs) => {
    await boss.insert(jobs, { db: db as PgBoss.Db });
  };
}

export async function startWorker(options: { log?: Log; pollingIntervalSeconds?: number } = {}): Promise<Worker> {
  globalForWorker.certboardWorker ??= createWorker(options).catch((error: unknown) => {
    globalForWorker.certboardWorker = undefined;
    throw error;
  });
  return globalForWorker.certboardWorker;
}

async function createWorker({ log = (m) => console.log(`[worker] ${m}`), pollingIntervalSeconds = 1 }: { log?: Log; pollingIntervalSeconds?: number }): Promise<Worker> {
  const boss = new PgBoss({ connectionString: getEnv().DATABASE_URL, max: 4, application_name: "certboard-worker" });
  boss.on("error", (error) => log(`queue error: ${error.message}`));
  await boss.start();
  await boss.createQueue(DELIVER_QUEUE, { name: DELIVER_QUEUE, ...RETRY, expireInSeconds: 120, retentionDays: 7 });
  const writeJobs = jobWriter(boss);

  let workerId: string | null = null;
  let relaying: Promise<number> | null = null;
  let again = false;
  const relay = async (): Promise<number> => {
    // One relay at a time per process; a wake-up during one runs it once more afterwards.
    if (relaying) {
      again = true;
      return relaying;
    }
    relaying = (async () => {
      let total = 0;
      do {
        again = false;
        total += await relayAll(writeJobs);
        if (total > 0 && workerId) boss.notifyWorker(workerId);
      } while (again);
      return total;
    })().finally(() => {
      relaying = null;
    });
    return relaying;
  };
  const relayQuietly = () => {
    relay().catch((error: unknown) => log(`relay failed (the sweep retries): ${error instanceof Error ? error.message : String(error)}`));
  };

  // Up to BATCH deliveries per fetch, tried side by side; each failed one is failed on its own
  // (pg-boss then completes only the jobs still active), so its retry keeps its own backoff.
  workerId = await boss.work<{ deliveryId: string }>(DELIVER_QUEUE, { pollingIntervalSeconds, batchSize: BATCH, includeMetadata: true }, async (jobs) => {
    await Promise.all(
      jobs.map(async (job) => {
        try {
          await deliverOnce(job.data.deliveryId, { lastTry: job.retryCount >= job.retryLimit });
        } catch (error) {
          log(error instanceof DeliveryFailed ? error.message : `delivery ${job.data.deliveryId}: ${error instanceof Error ? error.message : String(error)}`);
          await boss.fail(DELIVER_QUEUE, job.id, { message: error instanceof Error ? error.message : String(error) });
        }
      }),
    );
  });

  await startScheduledChecks(boss, log);

  // The outbox table's trigger notifies on commit: relay at once, then wake the delivery worker.
  const unsubscribe = getChangeListener().subscribe((event) => {
    if (event.type === "change" && event.change.table === "OutboxEvent") relayQuietly();
    if (event.type === "status" && event.live) relayQuietly();
  });
  const sweep = setInterval(relayQuietly, SWEEP_MS);
  sweep.unref();
  relayQuietly();
  log(`delivering notifications (queue ${DELIVER_QUEUE}, worker ${workerId})`);

  return {
    boss,
    relay,
    stop: async () => {
      clearInterval(sweep);
      unsubscribe();
      await relaying?.catch(() => 0);
      await boss.stop({ graceful: true, wait: true, timeout: 15_000 });
      globalForWorker.certboardWorker = undefined;
    },
  };
}

/** Stops this process' worker, if it runs (tests, the CLI on SIGTERM). */
export async function stopWorker(): Promise<void> {
  const worker = await globalForWorker.certboardWorker?.catch(() => null);
  await worker?.stop();
}
