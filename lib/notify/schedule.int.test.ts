// The worker's scheduled checks register as pg-boss cron schedules in PostgreSQL (a queue of their
// own, not the worker's relay, so this file never relays other files' outbox rows).
import PgBoss from "pg-boss";
import { afterAll, expect, it } from "vitest";
import { disconnectDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { DIGEST_QUEUE, EVIDENCE_QUEUE, PYXIS_QUEUE, pyxisCron, startScheduledChecks } from "./schedule";

afterAll(disconnectDb);

it("schedules the digest hourly, the evidence check daily and the catalog sync every 30 minutes, once however many workers start", async () => {
  const bosses = [0, 1].map(() => new PgBoss({ connectionString: getEnv().DATABASE_URL, max: 2 }));
  try {
    for (const boss of bosses) {
      await boss.start();
      await startScheduledChecks(boss, () => {}, { pyxisMinutes: 30 });
    }
    const schedules = await bosses[0]!.getSchedules();
    expect(schedules.filter((s) => s.name === DIGEST_QUEUE).map((s) => s.cron)).toEqual(["0 * * * *"]);
    expect(schedules.filter((s) => s.name === EVIDENCE_QUEUE).map((s) => s.cron)).toEqual(["15 5 * * *"]);
    expect(schedules.filter((s) => s.name === PYXIS_QUEUE).map((s) => s.cron)).toEqual(["*/30 * * * *"]);
  } finally {
    for (const boss of bosses) await boss.stop({ graceful: false, wait: true });
  }
});

it("turns CERTBOARD_PYXIS_SYNC_MINUTES into the sync's cron: every N minutes, hourly at 60, none at 0", () => {
  expect(pyxisCron(30)).toBe("*/30 * * * *");
  expect(pyxisCron(5)).toBe("*/5 * * * *");
  expect(pyxisCron(60)).toBe("0 * * * *");
  expect(pyxisCron(0)).toBeNull();
});
