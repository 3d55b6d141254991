import "server-only";
import { getDb } from "@/lib/db";

/** True when the database answers a trivial query within the pool's connection timeout. */
export async function pingDatabase(): Promise<boolean> {
  try {
    await getDb().$queryRaw`SELECT 1`;
    return true;
  } catch {
    return false;
  }
}
