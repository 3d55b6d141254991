import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/generated/prisma/client";
import { getEnv } from "@/lib/env";

// One Prisma client per process (Next dev reloads modules, so it lives on globalThis).
const globalForDb = globalThis as unknown as { certboardDb?: PrismaClient };

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
  const adapter = new PrismaPg({
    connectionString: env.DATABASE_URL,
    max: env.CERTBOARD_DB_POOL_SIZE,
    Client,
    connectionTimeoutMillis: POOL_WAIT_MS,
  });
  return new PrismaClient({ adapter });
}

export function getDb(): PrismaClient {
  globalForDb.certboardDb ??= createClient();
  return globalForDb.certboardDb;
}

export async function disconnectDb(): Promise<void> {
  await globalForDb.certboardDb?.$disconnect();
  globalForDb.certboardDb = undefined;
}

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
