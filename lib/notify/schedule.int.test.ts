// The worker's scheduled checks register as pg-boss cron schedules in PostgreSQL (a queue of their
// own, not the worker's relay, so this file never relays other files' outbox rows).
import PgBoss from "pg-boss";
import { afterAll, expect, it } from "vitest";
import { disconnectDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { DIGEST_QUEUE, EVIDENCE_QUEUE, startScheduledChecks } from "./schedule";

afterAll(disconnectDb);

it("schedules the digest hourly and the evidence check daily, once however many workers start", async () => {
  const bosses = [0, 1].map(() => new PgBoss({ connectionString: getEnv().DATABASE_URL, max: 2 }));
  try {
    for (const boss of bosses) {
      await boss.start();
      await startScheduledChecks(boss, () => {});
    }
    const schedules = await bosses[0]!.getSchedules();
    expect(schedules.filter((s) => s.name === DIGEST_QUEUE).map((s) => s.cron)).toEqual(["0 * * * *"]);
    expect(schedules.filter((s) => s.name === EVIDENCE_QUEUE).map((s) => s.cron)).toEqual(["15 5 * * *"]);
  } finally {
    for (const boss of bosses) await boss.stop({ graceful: false, wait: true });
  }
});
