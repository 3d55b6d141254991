import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";

export type Limit = { limit: number; windowSeconds: number };
export type HitResult = { allowed: boolean; count: number; retryAfterSeconds: number };

/**
 * Counts one event against a fixed window for `key`, atomically in PostgreSQL, so the limit holds
 * across every server process sharing the database. One statement, no read-then-write race.
 */
export async function hitRateLimit(key: string, { limit, windowSeconds }: Limit): Promise<HitResult> {
  const rows = await getDb().$queryRaw<{ count: number; retry: number }[]>`
    INSERT INTO "RateLimitBucket" ("key", "windowStart", "count")
    VALUES (${key}, now(), 1)
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimitBucket"."windowStart" <= now() - make_interval(secs => ${windowSeconds}) THEN 1
                     ELSE "RateLimitBucket"."count" + 1 END,
      "windowStart" = CASE WHEN "RateLimitBucket"."windowStart" <= now() - make_interval(secs => ${windowSeconds}) THEN now()
                     ELSE "RateLimitBucket"."windowStart" END
    RETURNING "count",
      GREATEST(1, CEIL(EXTRACT(EPOCH FROM ("windowStart" + make_interval(secs => ${windowSeconds}) - now()))))::int AS "retry"`;
  const row = rows[0] ?? { count: 1, retry: windowSeconds };
  return { allowed: row.count <= limit, count: row.count, retryAfterSeconds: row.retry };
}

/** Whether `key` is over its limit right now, without counting a new event. */
export async function isRateLimited(key: string, { limit, windowSeconds }: Limit): Promise<HitResult> {
  const rows = await getDb().$queryRaw<{ count: number; retry: number }[]>`
    SELECT "count", GREATEST(1, CEIL(EXTRACT(EPOCH FROM ("windowStart" + make_interval(secs => ${windowSeconds}) - now()))))::int AS "retry"
    FROM "RateLimitBucket"
    WHERE "key" = ${key} AND "windowStart" > now() - make_interval(secs => ${windowSeconds})`;
  const row = rows[0];
  if (!row) return { allowed: true, count: 0, retryAfterSeconds: 0 };
  return { allowed: row.count < limit, count: row.count, retryAfterSeconds: row.retry };
}

export function tooManyRequests(retryAfterSeconds: number, what: string): AppError {
  return new AppError("rate_limited", `Too many ${what}; try again in ${retryAfterSeconds} s.`, { retryAfterSeconds });
}

/** Old windows are worthless; removed opportunistically so the table stays small. */
export async function pruneRateLimits(olderThanSeconds = 86_400): Promise<number> {
  return getDb().$executeRaw`DELETE FROM "RateLimitBucket" WHERE "windowStart" < now() - make_interval(secs => ${olderThanSeconds})`;
}
