// `certboard backup` and `certboard restore` (scripts/backup.mjs) through the CLI, on scratch
// databases of the integration server: a database filled by the demo seed, uploads, people and a
// table of awkward types goes through a backup into a second database, and every table must come
// back row for row.
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pathToFileURL } from "node:url";
import { fixtureAvailable, SHARED_FIXTURES } from "@/tests/fixtures";
import { DERIVED_TABLES } from "./backup.mjs";

const ROOT = path.resolve(import.meta.dirname, "..");
const SERVER_URL = process.env.DATABASE_URL;
if (!SERVER_URL) throw new Error("DATABASE_URL is not set: run through `node scripts/with-db.mjs vitest run --project integration`");
const RUN_FILE = path.join(SHARED_FIXTURES, "preflight/container_1.16.0_amd64_failed_HasNoProhibitedLabels.results.json");
const OTHER_RUN = path.join(SHARED_FIXTURES, "preflight/container_1.15.2_amd64_passed.results.json");
const hasRuns = fixtureAvailable(RUN_FILE) && fixtureAvailable(OTHER_RUN);

// Types the schema does not use yet but a later migration may: a sequence, timestamptz with
// microseconds, jsonb, numeric, bytea with every byte, text full of COPY's escape characters.
const PROBE_TABLE = `
  CREATE TABLE "BackupProbe" (
    id serial PRIMARY KEY,
    at timestamptz,
    local timestamp(6),
    doc jsonb,
    raw json,
    bytes bytea,
    words text[],
    status "ItemStatus",
    amount numeric,
    ratio double precision,
    note text
  )`;
const PROBE_ROWS = `
  INSERT INTO "BackupProbe" (at, local, doc, raw, bytes, words, status, amount, ratio, note) VALUES
    ('2026-12-05 01:02:03.456789+05:30', '1999-12-31 23:59:59.999999', '{"a": [1, 2.50, null], "é": "x\\ty"}', '{ "spaced" :  1 }',
     (SELECT string_agg(set_byte('\\x00'::bytea, 0, b), ''::bytea) FROM generate_series(0, 255) b),
     ARRAY['tab	here', 'new
line', 'back\\slash', NULL, '"quoted"', '{braces}'], 'in_review', 12345678901234567890.000000000001, 0.1, E'\\\\.\\n\\\\.'),
    (NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'NaN', NULL),
    ('infinity', '-infinity', '[]', '""', '\\x', '{}', 'done', -0.0, -1e-300, '')`;

// Each step is a CLI process (tsx compiles it at start): generous on a busy 2-core machine.
const SLOW = 600_000;
const databases: string[] = [];
let work: string;

function urlFor(database: string): string {
  const url = new URL(SERVER_URL!);
  url.pathname = `/${database}`;
  return url.toString();
}

async function withClient<T>(database: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: database ? urlFor(database) : SERVER_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

type Exit = { code: number; stdout: string; stderr: string };

function node(args: string[], database: string, env: Record<string, string> = {}, input = ""): Promise<Exit> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      args,
      { cwd: ROOT, env: { ...process.env, DATABASE_URL: urlFor(database), ...env }, timeout: 120_000 },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr }),
    );
    // Commands that read standard input (user create's password) get this, then end of file.
    child.stdin?.end(input);
  });
}

const cli = (database: string, ...args: string[]) => node(["bin/certboard.mjs", ...args], database);

async function migratedDatabase(migrationsDir?: string): Promise<string> {
  const name = `backup_test_${randomBytes(5).toString("hex")}`;
  await withClient("", (c) => c.query(`CREATE DATABASE "${name}"`));
  databases.push(name);
  const deploy = await node(["scripts/migrate.mjs", "deploy", ...(migrationsDir ? ["--migrations", migrationsDir] : [])], name);
  expect(deploy.code, deploy.stderr).toBe(0);
  return name;
}

/** Every row of every table (Prisma's migration bookkeeping aside) as PostgreSQL prints it, sorted. */
async function contents(database: string): Promise<Record<string, string[]>> {
  return withClient(database, async (c) => {
    const tables = await c.query<{ name: string }>(
      "SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations' ORDER BY 1",
    );
    const out: Record<string, string[]> = {};
    for (const { name } of tables.rows) {
      const rows = await c.query<{ row: string }>(`SELECT t::text AS row FROM ${c.escapeIdentifier(name)} t ORDER BY 1`);
      out[name] = rows.rows.map((r) => r.row);
    }
    return out;
  });
}

const sequenceState = (database: string) =>
  withClient(database, async (c) => (await c.query(`SELECT last_value::text, is_called FROM "BackupProbe_id_seq"`)).rows[0]);

/** A copy of the project's migrations without the newest one: [folder, newest migration's name]. */
function migrationsOneBehind(): [string, string] {
  const older = fs.mkdtempSync(path.join(work, "older-migrations-"));
  fs.cpSync(path.join(ROOT, "prisma", "migrations"), older, { recursive: true });
  const newest = fs.readdirSync(older).filter((f) => fs.statSync(path.join(older, f)).isDirectory()).sort().at(-1)!;
  fs.rmSync(path.join(older, newest), { recursive: true });
  return [older, newest];
}

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), "certboard-backup-test-"));
});

afterAll(async () => {
  fs.rmSync(work, { recursive: true, force: true });
  for (const name of databases) await withClient("", (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
});

describe.skipIf(!hasRuns)("certboard backup and restore", () => {
  it("round-trips every row, id, version, timestamp and sequence into a second database", async () => {
    const source = await migratedDatabase();
    const seed = await node(["--import", "tsx", "prisma/seed.ts"], source, { CERTBOARD_SEED: "" });
    expect(seed.code, seed.stderr).toBe(0);
    const forced = await cli(source, "ingest", RUN_FILE, "--product", "neuron-operator", "--component", "neuron-openshift-operator", "--arch", "amd64", "--force");
    expect(forced.code, forced.stderr).toBe(0);
    const unassigned = await cli(source, "ingest", OTHER_RUN, "--product", "neuron-operator");
    expect(unassigned.code, unassigned.stderr).toBe(0);
    const person = await node(["bin/certboard.mjs", "user", "create", "--email", "ops@example.com", "--role", "admin"], source, {}, "a long enough password\n");
    expect(person.stdout, person.stderr).toContain("Created admin ops@example.com");
    expect((await cli(source, "token", "create", "--name", "ci", "--role", "uploader")).code).toBe(0);
    await withClient(source, async (c) => {
      await c.query(PROBE_TABLE);
      await c.query(PROBE_ROWS);
      // A gap in the sequence: restored, the next id must still be 6, not 4.
      await c.query(`SELECT setval('"BackupProbe_id_seq"', 5)`);
      // Versions other than 1 must survive as they are.
      await c.query(`UPDATE "BacklogItem" SET version = version + 6, "updatedAt" = '2026-12-05 10:11:12.345' WHERE key = 'P0-2'`);
    });
    const before = await contents(source);
    for (const table of ["Product", "Component", "BacklogItem", "ItemEvent", "Phase", "PreflightRun", "CheckResult", "User", "Account", "ApiToken", "Requirement", "BackupProbe"]) {
      expect(before[table]?.length, table).toBeGreaterThan(0);
    }

    const file = path.join(work, "source.backup.gz");
    const backup = await cli(source, "backup", "-o", file);
    expect(backup.code, backup.stderr).toBe(0);
    // Derived tables (the runs per day) are rebuilt by the restore, not copied: the rows restored
    // are the others, and the restored database still holds the derived rows (compared below).
    const copied = Object.entries(before).filter(([name]) => !DERIVED_TABLES.has(name));
    expect(before.PreflightRunDay?.length).toBeGreaterThan(0);
    const rows = copied.reduce((n, [, t]) => n + t.length, 0);
    expect(backup.stdout).toContain(`Backed up ${rows} rows of ${copied.length} tables`);
    expect(fs.readFileSync(file).subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);

    const target = await migratedDatabase();
    await withClient(target, (c) => c.query(PROBE_TABLE));
    const restore = await cli(target, "restore", file);
    expect(restore.code, restore.stderr).toBe(0);
    expect(restore.stdout).toContain(`Restored ${rows} rows`);
    expect(await contents(target)).toEqual(before);
    expect(await sequenceState(target)).toEqual(await sequenceState(source));
    expect(await sequenceState(target)).toEqual({ last_value: "5", is_called: true });

    // A database that holds data is refused, and keeps its rows; --force replaces them.
    await withClient(target, (c) => c.query(`UPDATE "BacklogItem" SET title = 'changed since' WHERE key = 'P0-2'`));
    const changed = await contents(target);
    const refused = await cli(target, "restore", file);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("already holds data");
    expect(await contents(target)).toEqual(changed);
    const replaced = await cli(target, "restore", file, "--force");
    expect(replaced.code, replaced.stderr).toBe(0);
    expect(replaced.stdout).toContain("replacing the data that was there");
    expect(await contents(target)).toEqual(before);
  }, SLOW);

  it("refuses a backup of another schema level, a truncated file and a file that is not a backup, restoring nothing", async () => {
    const source = await migratedDatabase();
    const seed = await node(["--import", "tsx", "prisma/seed.ts"], source, { CERTBOARD_SEED: "none" });
    expect(seed.code, seed.stderr).toBe(0);
    const file = path.join(work, "level.backup.gz");
    expect((await cli(source, "backup", "-o", file)).code).toBe(0);

    // A database one migration behind the backup.
    const [older, newest] = migrationsOneBehind();
    const behind = await migratedDatabase(older);
    const refused = await cli(behind, "restore", file);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("different schema level");
    expect(refused.stderr).toContain(newest);

    const empty = await migratedDatabase();
    const emptyBefore = await contents(empty);
    const bytes = fs.readFileSync(file);
    const cut = path.join(work, "cut.backup.gz");
    fs.writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    const truncated = await cli(empty, "restore", cut);
    expect(truncated.code).toBe(1);
    expect(truncated.stderr).toMatch(/truncated/);
    const notBackup = path.join(work, "notes.txt");
    fs.writeFileSync(notBackup, "hello\n");
    const wrong = await cli(empty, "restore", notBackup);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain("is not a Certboard backup");
    expect(await contents(empty)).toEqual(emptyBefore);
  }, SLOW);
});

describe("automatic backup before migrations", () => {
  it("backs up a database holding data before applying pending migrations, to <data folder>/backups, and only then", async () => {
    const [older] = migrationsOneBehind();
    const dataDir = fs.mkdtempSync(path.join(work, "data-"));
    const backups = path.join(dataDir, "backups");
    const env = { CERTBOARD_DATA_DIR: dataDir, CERTBOARD_BACKUP_DIR: "" };

    // Pending migrations but no data: nothing to keep.
    const empty = await migratedDatabase(older);
    const first = await node(["scripts/migrate.mjs", "deploy"], empty, env);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain("Applied 1 pending migration");
    expect(fs.existsSync(backups) ? fs.readdirSync(backups) : []).toEqual([]);

    // Data and a pending migration: a backup of the database as it was, before it is migrated.
    const used = await migratedDatabase(older);
    const seed = await node(["--import", "tsx", "prisma/seed.ts"], used, { CERTBOARD_SEED: "none" });
    expect(seed.code, seed.stderr).toBe(0);
    const before = await contents(used);
    const deploy = await node(["scripts/migrate.mjs", "deploy"], used, env);
    expect(deploy.code, deploy.stderr).toBe(0);
    expect(deploy.stdout).toContain("Applied 1 pending migration");
    const files = fs.readdirSync(backups);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(new RegExp(`^${used}-\\d{8}T\\d{9}Z-before-.*\\.backup\\.gz$`));
    expect(deploy.stdout).toContain(`backed up to ${path.join(backups, files[0]!)}`);
    expect(fs.statSync(backups).mode & 0o777).toBe(0o700);
    expect(fs.statSync(path.join(backups, files[0]!)).mode & 0o777).toBe(0o600);
    const restored = await migratedDatabase(older);
    expect((await cli(restored, "restore", path.join(backups, files[0]!))).code).toBe(0);
    expect(await contents(restored)).toEqual(before);

    // Up to date: no migration, no backup.
    const again = await node(["scripts/migrate.mjs", "deploy"], used, env);
    expect(again.stdout).toContain("0 pending");
    expect(fs.readdirSync(backups)).toEqual(files);
  }, SLOW);

  it("keeps the newest three automatic backups of a database and leaves other files alone", async () => {
    const db = await migratedDatabase();
    await withClient(db, (c) => c.query(`INSERT INTO "AppSetting" (key, value) VALUES ('probe', 'x')`));
    const dir = fs.mkdtempSync(path.join(work, "backups-"));
    fs.writeFileSync(path.join(dir, "by-hand.backup.gz"), "mine");
    const { backupBeforeMigrations } = (await import(pathToFileURL(path.join(ROOT, "scripts", "backup.mjs")).href)) as typeof import("./backup.mjs");
    const saved = process.env.CERTBOARD_BACKUP_DIR;
    process.env.CERTBOARD_BACKUP_DIR = dir;
    try {
      expect(await backupBeforeMigrations(urlFor(db), [])).toBeNull();
      const made: string[] = [];
      for (let i = 0; i < 4; i++) made.push(path.basename((await backupBeforeMigrations(urlFor(db), [`2026120${i}_next`]))!.file));
      expect(fs.readdirSync(dir).sort()).toEqual(["by-hand.backup.gz", ...made.slice(1)].sort());
    } finally {
      if (saved === undefined) delete process.env.CERTBOARD_BACKUP_DIR;
      else process.env.CERTBOARD_BACKUP_DIR = saved;
    }
  }, SLOW);
});
