// The demo seed against a real PostgreSQL: run exactly as `npm start` runs it (a child process on a
// migrated database), in a throwaway database of our own so other test files are not disturbed.
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, "..");
const CHILD_TIMEOUT_MS = 60_000;

const serverUrl = process.env.DATABASE_URL;
const dbName = `seed_test_${randomBytes(6).toString("hex")}`;
let dbUrl = "";
let admin: pg.Client | undefined;
let db: pg.Client | undefined;

function node(args: string[], env: Record<string, string | undefined>) {
  return run(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: dbUrl, CERTBOARD_SEED: undefined, ...env },
    timeout: CHILD_TIMEOUT_MS,
  });
}

const seed = (env: Record<string, string | undefined> = {}) => node(["--import", "tsx", "prisma/seed.ts"], env);

async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  if (!db) throw new Error("test database not connected");
  return (await db.query<T>(sql, params)).rows;
}

async function count(table: string): Promise<number> {
  const [row] = await query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}"`);
  return row?.n ?? -1;
}

beforeAll(async () => {
  if (!serverUrl) throw new Error("DATABASE_URL must point at a PostgreSQL server for integration tests");
  admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${dbName}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${dbName}`;
  dbUrl = url.toString();
  await node(["scripts/migrate.mjs", "deploy"], {});
  db = new pg.Client({ connectionString: dbUrl });
  await db.connect();
}, 120_000);

afterAll(async () => {
  await db?.end();
  if (admin) {
    await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    await admin.end();
  }
}, 60_000);

describe("demo seed", () => {
  it("loads the Neuron operator backlog into an empty database", async () => {
    const { stdout } = await seed();
    expect(stdout).toMatch(/Seeded demo product neuron-operator: 19 items, 3 phases, \d+ components/);

    const products = await query<{ slug: string; name: string }>(`SELECT slug, name FROM "Product"`);
    expect(products).toEqual([{ slug: "neuron-operator", name: "AWS Neuron Operator for OpenShift" }]);
    expect(await count("BacklogItem")).toBe(19);

    const byCategory = await query<{ category: string; n: number }>(
      `SELECT category::text, count(*)::int AS n FROM "BacklogItem" GROUP BY category ORDER BY category`,
    );
    expect(Object.fromEntries(byCategory.map((r) => [r.category, r.n]))).toEqual({
      critical_blocker: 6,
      needs_verification: 1,
      not_required: 3,
      compliant: 9,
    });

    const [p06] = await query<{ status: string; effortMinHours: number; effortMaxHours: number; fileRefs: string[] }>(
      `SELECT status::text, "effortMinHours", "effortMaxHours", "fileRefs" FROM "BacklogItem" WHERE key = 'P0-6'`,
    );
    expect(p06).toEqual({
      status: "needs_justification",
      effortMinHours: 1,
      effortMaxHours: 2,
      fileRefs: ["internal/nodemetrics/nodemetrics.go:91-93"],
    });

    const phases = await query<{ key: string; items: string[] }>(
      `SELECT p.key, coalesce(array_agg(b.key ORDER BY b.key) FILTER (WHERE b.key IS NOT NULL), '{}') AS items
         FROM "Phase" p LEFT JOIN "BacklogItem" b ON b."phaseId" = p.id GROUP BY p.key, p."order" ORDER BY p."order"`,
    );
    expect(phases).toEqual([
      { key: "phase-1", items: ["P0-2", "P0-3", "P0-4", "P0-6"] },
      { key: "phase-2", items: ["P0-1"] },
      { key: "phase-3", items: [] },
    ]);

    const p01 = await query<{ slug: string; placeholder: boolean }>(
      `SELECT c.slug, c.placeholder FROM "ItemComponent" ic
         JOIN "BacklogItem" b ON b.id = ic."itemId" JOIN "Component" c ON c.id = ic."componentId"
        WHERE b.key = 'P0-1' ORDER BY c.slug`,
    );
    // The five images it names, and the bundle whose OPB-01 it is.
    expect(p01).toHaveLength(6);
    expect(p01.filter((c) => c.placeholder)).toHaveLength(1);
    expect(p01.map((c) => c.slug)).toContain("neuron-operator-bundle");

    const [bundle] = await query<{ type: string; role: string; certificationStatus: string; repository: string }>(
      `SELECT type::text, role, "certificationStatus"::text, repository FROM "Component" WHERE slug = 'neuron-operator-bundle'`,
    );
    expect(bundle).toEqual({
      type: "operator_bundle",
      role: "bundle",
      certificationStatus: "not_created",
      repository: "os-partners/neuron-openshift/operator-bundle",
    });

    const operatorTags = await query<{ name: string; certificationStatus: string }>(
      `SELECT t.name, c."certificationStatus"::text FROM "ImageTag" t JOIN "Component" c ON c.id = t."componentId"
        WHERE c.repository = 'os-partners/neuron-openshift/operator' ORDER BY t.name`,
    );
    expect(operatorTags).toEqual([
      { name: "v0.1.3", certificationStatus: "in_progress" },
      { name: "v0.1.4", certificationStatus: "in_progress" },
    ]);

    const [metrics] = await query<{ hostAccess: string }>(
      `SELECT "hostAccess"::text FROM "Component" WHERE role = 'node_metrics'`,
    );
    expect(metrics?.hostAccess).toBe("privileged");
  });

  it("skips a database that already has data", async () => {
    const { stdout } = await seed();
    expect(stdout).toContain("skipped");
    expect(await count("Product")).toBe(1);
    expect(await count("BacklogItem")).toBe(19);
  });

  it("does nothing with CERTBOARD_SEED=none", async () => {
    await query(`TRUNCATE "Product" CASCADE`);
    expect(await count("Product")).toBe(0);
    await seed({ CERTBOARD_SEED: "none" });
    expect(await count("Product")).toBe(0);
    expect(await count("BacklogItem")).toBe(0);
  });
});
