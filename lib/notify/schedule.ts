import "server-only";
import type PgBoss from "pg-boss";
import { sendWeeklyDigests } from "./digest/mutations";
import { syncAllProducts } from "@/lib/pyxis/mutations";
import { getEnv } from "@/lib/env";
import { checkStaleEvidence } from "./evidence/mutations";

// The worker's scheduled checks, as pg-boss cron schedules (stored in PostgreSQL, so any number of
// workers fire each one once): every hour the weekly digests that are due (Monday 08:00 in each
// product's timezone; DigestSend keeps a week to one send), every day the evidence check, and every
// CERTBOARD_PYXIS_SYNC_MINUTES (default 30) the sync of each product connected to Red Hat's catalog.

export const DIGEST_QUEUE = "certboard-digest";
export const EVIDENCE_QUEUE = "certboard-evidence";
export const PYXIS_QUEUE = "certboard-pyxis-sync";

/** The catalog sync's cron: every N minutes of the hour (60: on the hour); null when turned off (0). */
export function pyxisCron(minutes: number): string | null {
  if (minutes === 0) return null;
  return minutes >= 60 ? "0 * * * *" : `*/${minutes} * * * *`;
}

type Log = (message: string) => void;
const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Creates the queues and schedules, and works them in this process. `pyxisMinutes`: CERTBOARD_PYXIS_SYNC_MINUTES unless given. */
export async function startScheduledChecks(boss: PgBoss, log: Log, options: { pyxisMinutes?: number } = {}): Promise<void> {
  const queue = { retryLimit: 2, retryDelay: 60, expireInSeconds: 900, retentionDays: 7 };
  await boss.createQueue(DIGEST_QUEUE, { name: DIGEST_QUEUE, ...queue });
  await boss.createQueue(EVIDENCE_QUEUE, { name: EVIDENCE_QUEUE, ...queue });
  await boss.schedule(DIGEST_QUEUE, "0 * * * *", {}, { tz: "UTC" });
  await boss.schedule(EVIDENCE_QUEUE, "15 5 * * *", {}, { tz: "UTC" });
  await boss.createQueue(PYXIS_QUEUE, { name: PYXIS_QUEUE, ...queue, retryLimit: 0 });
  const cron = pyxisCron(options.pyxisMinutes ?? getEnv().CERTBOARD_PYXIS_SYNC_MINUTES);
  if (cron) await boss.schedule(PYXIS_QUEUE, cron, {}, { tz: "UTC" });
  else await boss.unschedule(PYXIS_QUEUE);
  await boss.work(DIGEST_QUEUE, async () => {
    const sent = await sendWeeklyDigests(new Date(), { log }).catch((error: unknown) => {
      log(`weekly digests failed: ${message(error)}`);
      throw error;
    });
    for (const r of sent) log(`weekly digest of ${r.product}: ${r.sent.length} sent, ${r.failed.length} failed`);
  });
  await boss.work(EVIDENCE_QUEUE, async () => {
    const checked = await checkStaleEvidence(new Date()).catch((error: unknown) => {
      log(`evidence check failed: ${message(error)}`);
      throw error;
    });
    if (checked.notified.length) log(`stale evidence: ${checked.notified.join(", ")}`);
  });
  // Each sync records its own failures (PyxisSync); the next one is the retry.
  await boss.work(PYXIS_QUEUE, async () => {
    const onError = (product: string, error: unknown) => log(`Red Hat catalog sync of ${product} could not run: ${message(error)}`);
    const syncs = await syncAllProducts({ onError }).catch((error: unknown) => {
      log(`Red Hat catalog sync failed: ${message(error)}`);
      throw error;
    });
    for (const s of syncs) log(`Red Hat catalog sync: ${s.outcome}, ${s.changes.length} changes, ${s.failures.length} failures`);
  });
}
