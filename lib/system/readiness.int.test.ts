// Readiness (GET /api/health?ready=1) against the real database: ready when every migration of
// prisma/migrations is applied, 503 naming the one that is not.
import { readdirSync } from "node:fs";
import path from "node:path";
import { NextRequest } from "next/server";
import { afterAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/health/route";
import { disconnectDb, getDb } from "@/lib/db";
import { TEST_ORIGIN } from "@/tests/auth";
import { getReadiness } from "./data";

afterAll(disconnectDb);

const health = async (query = "") => {
  const response = await GET(new NextRequest(`${TEST_ORIGIN}/api/health${query}`), { params: Promise.resolve({}) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

const shipped = readdirSync(path.resolve(import.meta.dirname, "../../prisma/migrations"), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

describe("readiness", () => {
  it("is ready on a migrated database, and says which process answered", async () => {
    expect(shipped.length).toBeGreaterThan(1);
    expect(await getReadiness()).toEqual({ ready: true });
    expect(await health("?ready=1")).toEqual({ status: 200, body: { status: "ok", process: { pid: process.pid, worker: 0 } } });
  });

  it("answers 503 naming the migration the database lacks, while liveness stays 200", async () => {
    const db = getDb();
    const last = shipped.at(-1)!;
    // The database's record of the last migration goes away for this test and comes back after it.
    const [row] = await db.$queryRaw<Record<string, unknown>[]>`SELECT * FROM _prisma_migrations WHERE migration_name = ${last}`;
    expect(row).toBeDefined();
    await db.$executeRaw`DELETE FROM _prisma_migrations WHERE migration_name = ${last}`;
    try {
      expect(await getReadiness()).toEqual({ ready: false, reason: "migrations_pending", pending: [last] });
      const ready = await health("?ready=1");
      expect(ready.status).toBe(503);
      expect(ready.body).toMatchObject({ status: "unavailable", error: { code: "unavailable", details: { pendingMigrations: [last] } } });
      expect(String((ready.body.error as { message: string }).message)).toContain(last);
      expect((await health()).status).toBe(200);
    } finally {
      await db.$executeRaw`INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count)
        VALUES (${row!.id}, ${row!.checksum}, ${row!.finished_at}, ${row!.migration_name}, ${row!.logs}, ${row!.rolled_back_at}, ${row!.started_at}, ${row!.applied_steps_count})`;
    }
    expect(await getReadiness()).toEqual({ ready: true });
  });

  it("counts a migration that was rolled back as not applied", async () => {
    const db = getDb();
    const first = shipped[0]!;
    await db.$executeRaw`UPDATE _prisma_migrations SET rolled_back_at = now() WHERE migration_name = ${first}`;
    try {
      expect(await getReadiness()).toEqual({ ready: false, reason: "migrations_pending", pending: [first] });
    } finally {
      await db.$executeRaw`UPDATE _prisma_migrations SET rolled_back_at = NULL WHERE migration_name = ${first}`;
    }
  });

  it("refuses a readiness parameter it does not know", async () => {
    expect((await health("?ready=maybe")).status).toBe(400);
  });
});
