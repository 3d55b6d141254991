import "server-only";
import PgBoss from "pg-boss";
import { getDb, poolStats } from "@/lib/db";
import { DELIVER_QUEUE } from "@/lib/notify/relay/mutations";
import { readGauge } from "./registry";

// Gauges read at scrape time. Every server process registers them at start (instrumentation.ts),
// so a cluster primary merging the workers' registries finds them in each.

let queueReader: PgBoss | undefined;

/** pg-boss' own count of jobs waiting (created or retrying), without starting a pg-boss of our own. */
async function deliveryQueueSize(): Promise<number | null> {
  const db = getDb();
  const [schema] = await db.$queryRaw<{ ok: boolean }[]>`SELECT to_regclass('pgboss.job') IS NOT NULL AS ok`;
  // No queue yet: the notification worker has never started on this database.
  if (!schema?.ok) return null;
  queueReader ??= new PgBoss({ db: { executeSql: async (text: string, values: unknown[] = []) => ({ rows: await getDb().$queryRawUnsafe<unknown[]>(text, ...values) }) } });
  return queueReader.getQueueSize(DELIVER_QUEUE);
}

const QUEUE_READ_BUDGET_MS = 2_000;

async function queueDepth(): Promise<{ outbox: number; deliveries: number | null }> {
  const [outbox, deliveries] = await Promise.all([getDb().outboxEvent.count({ where: { dispatchedAt: null } }), deliveryQueueSize()]);
  return { outbox, deliveries };
}

export function registerMetrics(): void {
  readGauge({
    name: "certboard_db_pool_connections",
    help: "Connections of the server's PostgreSQL pools by state: total (open), idle, waiting (requests queued for one), max (the pools' size).",
    labelNames: ["state"],
    aggregator: "sum",
    read(gauge) {
      const stats = poolStats();
      for (const [state, value] of Object.entries(stats)) gauge.set({ state }, value);
    },
  });
  readGauge({
    name: "certboard_queue_depth",
    help: "Work waiting: the notification outbox rows not yet relayed (queue=outbox) and the deliveries waiting in pg-boss (queue=deliveries).",
    labelNames: ["queue"],
    aggregator: "max",
    async read(gauge) {
      // One process of a cluster reads the shared queues (the one running background jobs); the
      // others report nothing, so the merge neither sums nor repeats the queries.
      if ((process.env.CERTBOARD_SERVE_SLOT ?? "0") !== "0") return;
      // A slow database must not hold the scrape (a cluster merge gives up after 5 s): the last values stay.
      const depth = await Promise.race([queueDepth(), new Promise<null>((resolve) => setTimeout(resolve, QUEUE_READ_BUDGET_MS, null).unref())]);
      if (!depth) return;
      gauge.reset();
      gauge.set({ queue: "outbox" }, depth.outbox);
      if (depth.deliveries !== null) gauge.set({ queue: "deliveries" }, depth.deliveries);
    },
  });
}
