// scripts/migrate.mjs against a real PostgreSQL: each test gets its own scratch database on the
// server DATABASE_URL points at (with-db provides one) and a scratch schema + migrations folder.
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import pg from "pg";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "..");
const MIGRATE = path.join(ROOT, "scripts", "migrate.mjs");
const SERVER_URL = process.env.DATABASE_URL;
if (!SERVER_URL) {
  throw new Error("DATABASE_URL is not set: run through `node scripts/with-db.mjs vitest run --project integration`");
}

const SCHEMA_V1 = `datasource db {
  provider = "postgresql"
}

enum Status {
  draft
  published
}

model Post {
  id        Int      @id @default(autoincrement())
  title     String   @default("a;b")
  status    Status   @default(draft)
  tags      String[]
  createdAt DateTime @default(now())

  @@index([title])
}
`;
const SCHEMA_V2 = SCHEMA_V1.replace("  tags      String[]\n", "  tags      String[]\n  body      String?\n");

function urlFor(database: string): string {
  const url = new URL(SERVER_URL!);
  url.pathname = `/${database}`;
  return url.toString();
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>, database?: string): Promise<T> {
  const client = new pg.Client({ connectionString: database ? urlFor(database) : SERVER_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

type Run = { code: number; stdout: string; stderr: string };

function migrate(args: string[], env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [MIGRATE, ...args], { env, cwd: ROOT, timeout: 30_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

let work: string;
let schemaPath: string;
let migrationsDir: string;
const databases: string[] = [];

async function scratchDatabase(): Promise<string> {
  const name = `migrate_test_${randomBytes(6).toString("hex")}`;
  await admin((c) => c.query(`CREATE DATABASE "${name}"`));
  databases.push(name);
  return name;
}

/** Runs migrate.mjs on a database with the scratch schema and migrations folder. */
function run(database: string, ...args: string[]): Promise<Run> {
  return migrate([...args, "--schema", schemaPath, "--migrations", migrationsDir, "--skip-generate"], {
    ...process.env,
    DATABASE_URL: urlFor(database),
  });
}

function migrationFolders(): string[] {
  return fs.existsSync(migrationsDir)
    ? fs.readdirSync(migrationsDir).filter((f) => fs.statSync(path.join(migrationsDir, f)).isDirectory())
    : [];
}

async function columns(database: string, table: string): Promise<string[]> {
  const { rows } = await admin(
    (c) => c.query("SELECT column_name FROM information_schema.columns WHERE table_name = $1 ORDER BY column_name", [table]),
    database,
  );
  return rows.map((r) => r.column_name as string);
}

beforeEach(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), "migrate-test-"));
  schemaPath = path.join(work, "schema.prisma");
  migrationsDir = path.join(work, "migrations");
  fs.writeFileSync(schemaPath, SCHEMA_V1);
});

afterEach(async () => {
  fs.rmSync(work, { recursive: true, force: true });
  for (const name of databases.splice(0)) await admin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
});

afterAll(async () => {
  // The engine's shadow databases must all have been dropped again (stack-notes pitfall 6).
  const { rows } = await admin((c) => c.query("SELECT datname FROM pg_database WHERE datname LIKE 'prisma_migrate_shadow_db_%'"));
  expect(rows).toEqual([]);
});

describe("migrate.mjs", () => {
  it("creates the first migration and applies migrations to an empty database", async () => {
    const devDb = await scratchDatabase();
    const dev = await run(devDb, "dev", "init");
    expect(dev.code, dev.stderr).toBe(0);
    const [folder] = migrationFolders();
    expect(folder).toMatch(/^\d{14}_init$/);
    const sql = fs.readFileSync(path.join(migrationsDir, folder!, "migration.sql"), "utf8");
    expect(sql).toContain('CREATE TABLE "Post"');
    expect(sql).toContain("DEFAULT 'a;b'");
    expect(fs.readFileSync(path.join(migrationsDir, "migration_lock.toml"), "utf8")).toContain('provider = "postgresql"');

    const fresh = await scratchDatabase();
    const deploy = await run(fresh, "deploy");
    expect(deploy.code, deploy.stderr).toBe(0);
    expect(deploy.stdout).toContain("Applied 1 pending migration");
    expect(await columns(fresh, "Post")).toEqual(["createdAt", "id", "status", "tags", "title"]);
    const { rows } = await admin((c) => c.query("SELECT migration_name FROM _prisma_migrations"), fresh);
    expect(rows.map((r) => r.migration_name)).toEqual([folder]);
  });

  it("does nothing when the database is current", async () => {
    const db = await scratchDatabase();
    expect((await run(db, "dev", "init")).code).toBe(0);

    const deploy = await run(db, "deploy");
    expect(deploy.code, deploy.stderr).toBe(0);
    expect(deploy.stdout).toContain("0 pending");

    const dev = await run(db, "dev", "again");
    expect(dev.code, dev.stderr).toBe(0);
    expect(dev.stdout).toContain("Schema unchanged: no migration created");
    expect(migrationFolders()).toHaveLength(1);

    const status = await run(db, "status");
    expect(status.code, status.stdout).toBe(0);
    expect(status.stdout).toContain("up to date");

    const diff = await run(db, "diff");
    expect(diff.stdout).toContain("This is an empty migration");
  });

  it("creates and applies a migration after a schema change", async () => {
    const db = await scratchDatabase();
    expect((await run(db, "dev", "init")).code).toBe(0);
    fs.writeFileSync(schemaPath, SCHEMA_V2);

    const dev = await run(db, "dev", "add_body");
    expect(dev.code, dev.stderr).toBe(0);
    const added = migrationFolders().find((f) => f.endsWith("_add_body"));
    expect(added).toBeDefined();
    const sql = fs.readFileSync(path.join(migrationsDir, added!, "migration.sql"), "utf8");
    expect(sql).toMatch(/ALTER TABLE "Post" ADD COLUMN\s+"body" TEXT/);
    expect(await columns(db, "Post")).toContain("body");
  });

  it("applies pending migrations before creating a new one", async () => {
    const first = await scratchDatabase();
    expect((await run(first, "dev", "init")).code).toBe(0);
    fs.writeFileSync(schemaPath, SCHEMA_V2);

    // A second database that has never seen the first migration (a teammate's checkout).
    const second = await scratchDatabase();
    const dev = await run(second, "dev", "add_body");
    expect(dev.code, dev.stderr).toBe(0);
    expect(dev.stdout).toContain("Applied 1 pending migration");
    expect(migrationFolders()).toHaveLength(2);
    expect(await columns(second, "Post")).toContain("body");
  });

  it("stops with 'Drift detected' when the database was changed by hand", async () => {
    const db = await scratchDatabase();
    expect((await run(db, "dev", "init")).code).toBe(0);
    await admin((c) => c.query('ALTER TABLE "Post" ADD COLUMN sneaky integer'), db);
    fs.writeFileSync(schemaPath, SCHEMA_V2);

    const dev = await run(db, "dev", "add_body");
    expect(dev.code).not.toBe(0);
    expect(dev.stderr).toContain("Drift detected");
    expect(dev.stderr).toContain("sneaky");
    expect(migrationFolders()).toHaveLength(1);

    const reset = await run(db, "reset", "--force");
    expect(reset.code, reset.stderr).toBe(0);
    expect(await columns(db, "Post")).not.toContain("sneaky");
  });

  it("explains a missing DATABASE_URL", async () => {
    const env = { ...process.env };
    delete env.DATABASE_URL;
    const result = await migrate(["deploy"], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("DATABASE_URL is not set");
  });

  it("exports deployMigrations for programmatic use", async () => {
    const db = await scratchDatabase();
    expect((await run(db, "dev", "init")).code).toBe(0);
    const fresh = await scratchDatabase();
    // Imported by URL: the script is plain JS without type declarations.
    const moduleUrl: string = pathToFileURL(MIGRATE).href;
    const { deployMigrations } = (await import(moduleUrl)) as {
      deployMigrations: (url: string, options: { schemaPath: string; migrationsDir: string }) => Promise<string[]>;
    };
    expect(await deployMigrations(urlFor(fresh), { schemaPath, migrationsDir })).toHaveLength(1);
    expect(await deployMigrations(urlFor(fresh), { schemaPath, migrationsDir })).toEqual([]);
  });
});
