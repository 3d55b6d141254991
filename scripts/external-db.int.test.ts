import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";

// The DATABASE_URL path against a real PostgreSQL server (this machine runs one on 5432), next to
// the embedded database every other integration test uses.
const SERVER_URL = process.env.CERTBOARD_EXTERNAL_TEST_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const run = promisify(execFile);

async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

const available = await reachable(SERVER_URL);
if (!available && process.env.CI) {
  throw new Error(`No PostgreSQL server at ${SERVER_URL}: CI tests the DATABASE_URL path against it (set CERTBOARD_EXTERNAL_TEST_URL).`);
}

const database = `certboard_ext_${randomUUID().slice(0, 8)}`;
const dataDir = mkdtempSync(path.join(os.tmpdir(), "certboard-ext-"));

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: SERVER_URL });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

afterAll(async () => {
  rmSync(dataDir, { recursive: true, force: true });
  if (available) await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
});

describe.skipIf(!available)("with DATABASE_URL set", () => {
  it("migrates and seeds the external server and never starts the embedded one", async () => {
    const url = new URL(SERVER_URL);
    url.pathname = `/${database}`;
    await admin(`CREATE DATABASE ${database}`);
    const { stdout } = await run(
      process.execPath,
      ["scripts/with-db.mjs", "--migrate", "--seed", "node", "-e", "console.log('URL=' + process.env.DATABASE_URL)"],
      { env: { ...process.env, DATABASE_URL: url.toString(), CERTBOARD_DATA_DIR: dataDir, CERTBOARD_SEED: "" }, timeout: 120_000 },
    );
    expect(stdout).toContain(`URL=${url.toString()}`);
    expect(existsSync(path.join(dataDir, "pg"))).toBe(false);

    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    try {
      const version = await client.query<{ server_version_num: string }>("SHOW server_version_num");
      expect(Number(version.rows[0]?.server_version_num)).toBeGreaterThanOrEqual(150000);
      const items = await client.query<{ n: string }>(`SELECT count(*)::text AS n FROM "BacklogItem"`);
      expect(items.rows[0]?.n).toBe("19");
    } finally {
      await client.end();
    }
  });
});
