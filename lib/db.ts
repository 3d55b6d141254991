import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { getEnv } from "@/lib/env";

// One Prisma client per process (Next dev reloads modules, so it lives on globalThis).
const globalForDb = globalThis as unknown as { certboardDb?: PrismaClient };

function createClient(): PrismaClient {
  const env = getEnv();
  const adapter = new PrismaPg({
    connectionString: env.DATABASE_URL,
    max: env.CERTBOARD_DB_POOL_SIZE,
    // Fail fast when the database is down instead of hanging the request.
    connectionTimeoutMillis: 5_000,
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
