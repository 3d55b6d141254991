import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/generated/prisma/client";
import { getEnv } from "@/lib/env";

// One Prisma client per process (Next dev reloads modules, so it lives on globalThis), over a pg
// pool of our own so /api/metrics can report its use.
const globalForDb = globalThis as unknown as { certboardDb?: PrismaClient; certboardPool?: pg.Pool };

/** Opening a connection: a database that is down or unreachable fails the request this fast. */
const CONNECT_TIMEOUT_MS = 5_000;
/**
 * Waiting for a free connection of the pool: under a burst (a hundred uploads at once) requests
 * queue rather than fail; past this they get 503. Matches the transactions' own `maxWait`.
 */
const POOL_WAIT_MS = 30_000;

// pg-pool applies its connectionTimeoutMillis to both waits; the client's own bounds the first.
class Client extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    const options = typeof config === "string" ? { connectionString: config } : config;
    super({ ...options, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  }
}

function createClient(): PrismaClient {
  const env = getEnv();
  const pool = new pg.Pool({ connectionString: env.DATABASE_URL, max: env.CERTBOARD_DB_POOL_SIZE, Client, connectionTimeoutMillis: POOL_WAIT_MS });
  globalForDb.certboardPool = pool;
  // The pool goes with the client: $disconnect ends it.
  return new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
}

export function getDb(): PrismaClient {
  globalForDb.certboardDb ??= createClient();
  return globalForDb.certboardDb;
}

/** Connections of this process's pool: open, idle, and requests waiting for one (zero before the first query). */
export function poolStats(): { total: number; idle: number; waiting: number; max: number } {
  const pool = globalForDb.certboardPool;
  return { total: pool?.totalCount ?? 0, idle: pool?.idleCount ?? 0, waiting: pool?.waitingCount ?? 0, max: getEnv().CERTBOARD_DB_POOL_SIZE };
}

export async function disconnectDb(): Promise<void> {
  await globalForDb.certboardDb?.$disconnect();
  globalForDb.certboardDb = undefined;
  globalForDb.certboardPool = undefined;
}

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
