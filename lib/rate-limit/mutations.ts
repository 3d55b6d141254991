import { Prisma } from "@/generated/prisma/client";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";

export type Limit = { limit: number; windowSeconds: number };
export type HitResult = { allowed: boolean; count: number; retryAfterSeconds: number };

/** Rows older than this say nothing any limit still needs; every hit removes them (an index range on windowStart). */
export const RATE_LIMIT_RETENTION_SECONDS = 86_400;

/**
 * Counts one event against a fixed window for `key`, atomically in PostgreSQL, so the limit holds
 * across every server process sharing the database. One statement, no read-then-write race; it
 * also prunes rows past retention, so addresses that came once do not pile up.
 */
export async function hitRateLimit(key: string, { limit, windowSeconds }: Limit): Promise<HitResult> {
  const rows = await getDb().$queryRaw<{ count: number; retry: number }[]>`
    WITH pruned AS (
      DELETE FROM "RateLimitBucket" WHERE "windowStart" < now() - make_interval(secs => ${RATE_LIMIT_RETENTION_SECONDS}) AND "key" <> ${key}
    )
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

/**
 * Whether `key` is over its limit right now, without counting a new event, as a statement's part:
 * one row with the seconds to wait while it is, none otherwise. A door folds it into the statement
 * it guards (authenticateApiToken), so the check costs no round trip of its own.
 */
export function overLimitSql(key: string, { limit, windowSeconds }: Limit): Prisma.Sql {
  return Prisma.sql`
    SELECT GREATEST(1, CEIL(EXTRACT(EPOCH FROM ("windowStart" + make_interval(secs => ${windowSeconds}) - now()))))::int AS "retry"
    FROM "RateLimitBucket"
    WHERE "key" = ${key} AND "windowStart" > now() - make_interval(secs => ${windowSeconds}) AND "count" >= ${limit}`;
}

export function tooManyRequests(retryAfterSeconds: number, what: string): AppError {
  return new AppError("rate_limited", `Too many ${what}; try again in ${retryAfterSeconds} s.`, { retryAfterSeconds });
}

/**
 * A growing delay after repeated failures (sign-in per account): the first `freeFailures` cost
 * nothing, then each attempt waits 2^(failures − free) × baseSeconds, at most maxSeconds, for
 * whatever password it brings. Failures are forgotten after `forgetSeconds` without one, and at once
 * on success. Unlike a fixed lock, the rightful owner is never shut out for long.
 */
export type Backoff = { freeFailures: number; baseSeconds: number; maxSeconds: number; forgetSeconds: number };

export function backoffSeconds(failures: number, { freeFailures, baseSeconds, maxSeconds }: Backoff): number {
  if (failures < freeFailures) return 0;
  return Math.min(maxSeconds, baseSeconds * 2 ** Math.min(failures - freeFailures, 30));
}

/**
 * Whether an attempt for `key` may go ahead now. An attempt that had to wait claims its turn (the
 * clock restarts), so a burst of parallel attempts does not all slip through when the delay ends.
 */
export async function claimAttempt(key: string, policy: Backoff): Promise<HitResult> {
  return getDb().$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ count: number; age: number }[]>`
      SELECT "count", EXTRACT(EPOCH FROM (now() - "windowStart"))::float8 AS "age"
      FROM "RateLimitBucket" WHERE "key" = ${key} FOR UPDATE`;
    const row = rows[0];
    if (!row || row.age > policy.forgetSeconds) return { allowed: true, count: 0, retryAfterSeconds: 0 };
    const delay = backoffSeconds(row.count, policy);
    if (delay === 0) return { allowed: true, count: row.count, retryAfterSeconds: 0 };
    if (row.age < delay) return { allowed: false, count: row.count, retryAfterSeconds: Math.max(1, Math.ceil(delay - row.age)) };
    await tx.$executeRaw`UPDATE "RateLimitBucket" SET "windowStart" = now() WHERE "key" = ${key}`;
    return { allowed: true, count: row.count, retryAfterSeconds: 0 };
  });
}

/** One more failure for `key` (a quiet spell longer than forgetSeconds starts the count again). */
export async function recordFailure(key: string, policy: Backoff): Promise<number> {
  const rows = await getDb().$queryRaw<{ count: number }[]>`
    INSERT INTO "RateLimitBucket" ("key", "windowStart", "count") VALUES (${key}, now(), 1)
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimitBucket"."windowStart" <= now() - make_interval(secs => ${policy.forgetSeconds}) THEN 1
                     ELSE "RateLimitBucket"."count" + 1 END,
      "windowStart" = now()
    RETURNING "count"`;
  return rows[0]?.count ?? 1;
}

export async function clearFailures(key: string): Promise<void> {
  await getDb().rateLimitBucket.deleteMany({ where: { key } });
}
