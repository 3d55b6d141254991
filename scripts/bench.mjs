#!/usr/bin/env node
/**
 * `npm run bench`: builds a synthetic dataset in a database of its own, starts the production
 * server on it and measures, in one run on one machine:
 * - reads: p50/p95 of the summary, a component board, a filtered item list and the overview's
 *   HTML under concurrent clients, against GET /api/health and the same SQL replayed through pg;
 * - ingest: preflight runs per second through POST /api/v1/preflight/runs with 1 and N clients,
 *   against a minimal pg script writing the same rows;
 * - the server's peak resident memory; EXPLAIN of every statement measured;
 * - page loads in headless Chromium: largest contentful paint and JavaScript shipped.
 * Prints tables, then one last line `BENCH {json}`. Options: --help, or README "Benchmark".
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { PROJECT_ROOT } from "./embedded-db.mjs";
import { recordBoardTarget } from "./bench/board.mjs";
import { measurePages } from "./bench/browser.mjs";
import { measureCliStart } from "./bench/cli.mjs";
import { prepareDatabase } from "./bench/database.mjs";
import { generateDataset } from "./bench/dataset.mjs";
import { explainPaths, MIN_READ, MIN_ROWS } from "./bench/explain.mjs";
import { measureGet, measurePosts } from "./bench/http-load.mjs";
import { measureImport } from "./bench/import.mjs";
import { datasetRows, parseBenchArgs } from "./bench/options.mjs";
import { ingestRun } from "./bench/payload.mjs";
import { measureRawIngest, measureReplay } from "./bench/raw.mjs";
import { section, table, verdict } from "./bench/report.mjs";
import { targets } from "./bench/targets.mjs";
import { measureIngestByWorkers } from "./bench/workers-ingest.mjs";
import { recordOverviewTargets } from "./bench/overview-targets.mjs";
import { ensureBuild, holdLock, sampleMemory, startServer } from "./bench/server.mjs";
import { round } from "./bench/stats.mjs";

const READ_TARGET = 3; // p95 ≤ 3 × (health p95 + raw SQL p95)
const INGEST_TARGET = 0.5; // API ≥ 0.5 × raw floor at N clients

const log = (/** @type {string} */ line) => process.stderr.write(`${line}\n`);
const seconds = (/** @type {number} */ t0) => (performance.now() - t0) / 1000;

/** CPU seconds (user + system) of a process and its descendants, from /proc. @param {number} pid */
function cpuSeconds(pid) {
  const ticks = 100; // USER_HZ on Linux
  let total = 0;
  const all = fs.readdirSync("/proc").filter((n) => /^\d+$/.test(n));
  /** @type {Map<number, number[]>} */
  const children = new Map();
  /** @type {Map<number, number>} */
  const own = new Map();
  for (const name of all) {
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, "utf8");
      const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      children.set(Number(f[1]), [...(children.get(Number(f[1])) ?? []), Number(name)]);
      own.set(Number(name), (Number(f[11]) + Number(f[12])) / ticks);
    } catch {
      // Exited.
    }
  }
  const queue = [pid];
  for (let i = 0; i < queue.length; i++) {
    const p = /** @type {number} */ (queue[i]);
    total += own.get(p) ?? 0;
    queue.push(...(children.get(p) ?? []));
  }
  return total;
}

function machine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? "unknown",
    cores: cpus.length,
    memoryGiB: round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    loadAverageAtStart: os.loadavg().map(round),
  };
}

/**
 * Runs the in-process half (scripts/bench/in-app.ts) with the app's modules.
 * @param {string} url
 * @param {unknown} input
 */
function runInApp(url, input) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(PROJECT_ROOT, "scripts", "bench", "in-app.ts"), JSON.stringify(input)], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, DATABASE_URL: url, TSX_TSCONFIG_PATH: path.join(PROJECT_ROOT, "tsconfig.json") },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (chunk) => (out += chunk));
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code !== 0) return reject(new Error(`scripts/bench/in-app.ts failed (exit ${code})`));
      try {
        resolve(JSON.parse(out.trim().split("\n").pop() ?? ""));
      } catch (error) {
        reject(error);
      }
    });
  });
}

/**
 * Signs in through better-auth's email door, as the sign-in page does; returns the cookies.
 * @param {string} base
 * @param {{ email: string, password: string }} user
 */
async function signIn(base, user) {
  const res = await fetch(`${base}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base },
    body: JSON.stringify(user),
  });
  if (!res.ok) throw new Error(`sign-in answered ${res.status}: ${await res.text()}`);
  const cookies = res.headers.getSetCookie().map((line) => {
    const [pair = ""] = line.split(";");
    const eq = pair.indexOf("=");
    return { name: pair.slice(0, eq).trim(), value: pair.slice(eq + 1).trim() };
  });
  if (cookies.length === 0) throw new Error("sign-in set no cookie");
  return cookies;
}

/** Rows of the tables an upload writes. @param {pg.Client} client */
async function rowCounts(client) {
  const { rows } = await client.query(`SELECT
    (SELECT count(*) FROM "PreflightRun")::int AS runs, (SELECT count(*) FROM "CheckResult")::int AS checks,
    (SELECT count(*) FROM "ImageTag")::int AS tags, (SELECT count(*) FROM "ItemEvent")::int AS events,
    (SELECT count(*) FROM "BacklogItem")::int AS items, (SELECT count(*) FROM "ItemComponent")::int AS links`);
  return /** @type {Record<string, number>} */ (rows[0]);
}

/** @param {Record<string, number>} after @param {Record<string, number>} before @param {number} runs */
const perRun = (after, before, runs) => Object.fromEntries(Object.keys(after).map((k) => [k, round(((after[k] ?? 0) - (before[k] ?? 0)) / runs)]));

async function main() {
  let parsed;
  try {
    parsed = parseBenchArgs(process.argv.slice(2), process.env);
  } catch (error) {
    log(`bench: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  }
  if ("help" in parsed) {
    process.stdout.write(parsed.help);
    return;
  }
  const options = parsed;
  const started = performance.now();
  const host = machine();
  /** @type {Record<string, number | null>} */
  const durations = {};
  const { sizes } = options;
  log(`[bench] dataset ${sizes.components} components × ${sizes.archs} architectures × ${sizes.runs} runs × ${sizes.checks} checks, ${sizes.items} items, ${sizes.events} events`);

  let t0 = performance.now();
  const db = await prepareDatabase({ dataDir: options.dataDir, dbPort: options.dbPort, log });
  durations.prepareDatabase = seconds(t0);
  /** @type {Awaited<ReturnType<typeof startServer>> | null} */
  let server = null;
  /** @type {Awaited<ReturnType<typeof holdLock>> | null} */
  let lock = null;
  /** @type {ReturnType<typeof sampleMemory> | null} */
  let memory = null;
  const stopAll = async () => {
    await server?.stop();
    server = null;
    await lock?.release();
    lock = null;
  };
  const onSignal = (/** @type {NodeJS.Signals} */ signal) => {
    log(`[bench] ${signal}: stopping`);
    stopAll()
      .then(() => db.release({ keep: options.keep }))
      .finally(() => process.exit(130));
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);

  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    const cliStart = await measureCliStart({ log });
    // ---- Dataset
    log("[bench] generating the dataset");
    t0 = performance.now();
    const dataset = await generateDataset(client, sizes, { log });
    durations.generateDataset = seconds(t0);
    const rows = await rowCounts(client);
    const dbSize = (await client.query(`SELECT pg_database_size(current_database())::bigint AS bytes, version() AS version`)).rows[0];
    const component = /** @type {string} */ (dataset.components[Math.floor(dataset.components.length / 2)]);
    const itemQuery = { category: "critical_blocker", status: "not_started" };
    // Two words a person types into the palette, both in the titles of a sixth of the items.
    const searchQuery = "license files";
    const plan = { components: dataset.components, archs: dataset.archs, checks: sizes.checks, firstBuild: sizes.runs + 1 };
    const counter = { next: 0 };
    const componentIds = new Map(
      (await client.query(`SELECT slug, id FROM "Component" WHERE "productId" = $1`, [dataset.productId])).rows.map((r) => [r.slug, r.id]),
    );

    // ---- SQL of each path, and EXPLAIN
    log("[bench] recording the SQL of each path (scripts/bench/in-app.ts)");
    const upload = ingestRun(counter.next++, plan);
    const app = /** @type {{ user: { email: string, password: string }, token: string, paths: Record<string, { text: string, values: unknown[] }[]>, upload: { text: string, values: unknown[] }[] }} */ (
      await runInApp(db.url, { component, itemQuery, searchQuery, upload: { body: upload.body, component: upload.slug, arch: upload.arch } })
    );
    log("[bench] EXPLAIN of every statement");
    const explain = await explainPaths(db.url, { ...app.paths, upload: app.upload });
    const userId = (await client.query(`SELECT id FROM "User" WHERE email = $1`, [app.user.email])).rows[0]?.id ?? null;

    // ---- Server
    if (options.lock) lock = await holdLock(options.lock, log);
    t0 = performance.now();
    durations.nextBuild = await ensureBuild({ force: options.build, log });
    t0 = performance.now();
    server = await startServer({ port: options.port, databaseUrl: db.url, logFile: path.join(options.dataDir, "server.log"), log });
    durations.serverStart = seconds(t0);
    memory = sampleMemory(server.pid);
    const base = server.base;
    const bearer = { authorization: `Bearer ${app.token}` };
    const cookies = await signIn(base, app.user);
    const cookieHeader = cookies.map((c) => `${c.name}=${c.value}`).join("; ");
    // Pages read the session cookie only (bearer tokens are for the API), as a browser sends it.
    const check = await fetch(`${base}/`, { headers: { cookie: cookieHeader }, redirect: "manual" });
    if (check.status !== 200) throw new Error(`GET / with the session cookie answered ${check.status}`);

    // ---- Reads
    const load = { connections: options.clients, duration: options.duration, warmup: options.warmup };
    const readPaths = [
      { name: "summary", label: "GET /api/v1/summary", url: `${base}/api/v1/summary`, headers: bearer },
      { name: "component", label: `GET /api/v1/components/${component}`, url: `${base}/api/v1/components/${component}`, headers: bearer },
      { name: "items", label: `GET /api/v1/items?${new URLSearchParams(itemQuery)}`, url: `${base}/api/v1/items?${new URLSearchParams(itemQuery)}`, headers: bearer },
      { name: "overview", label: "GET / (overview HTML)", url: `${base}/`, headers: { cookie: cookieHeader } },
      { name: "search", label: `GET /api/v1/search?q=${encodeURIComponent(searchQuery)}`, url: `${base}/api/v1/search?${new URLSearchParams({ q: searchQuery })}`, headers: bearer },
    ];
    log(`[bench] reads: GET /api/health, ${options.clients} clients, ${options.warmup} s warm-up + ${options.duration} s`);
    let cpu0 = cpuSeconds(server.pid);
    const health = await measureGet({ url: `${base}/api/health`, ...load });
    const healthCpu = cpuSeconds(server.pid) - cpu0;
    /** @type {Record<string, { label: string, api: { p50: number, p95: number, perSecond: number, statuses: Record<string, number>, errors: number, kibPerResponse: number | null, serverCpuMsPerRequest: number | null }, raw: Record<string, number>, ratioP50: number, ratioP95: number, target: number, met: boolean }>} */
    const reads = {};
    for (const p of readPaths) {
      log(`[bench] reads: ${p.label}`);
      cpu0 = cpuSeconds(server.pid);
      const api = await measureGet({ url: p.url, headers: p.headers, ...load });
      const serverCpu = cpuSeconds(server.pid) - cpu0;
      log(`[bench] reads: raw SQL of ${p.name} (${app.paths[p.name]?.length} statements)`);
      const raw = await measureReplay({ url: db.url, statements: app.paths[p.name] ?? [], clients: options.clients, ...load });
      const floor = health.latency.p95 + raw.latency.p95;
      reads[p.name] = {
        label: p.label,
        api: { ...api.latency, perSecond: api.ok / api.seconds, statuses: api.statuses, errors: api.errors, kibPerResponse: api.ok ? api.bytes / api.ok / 1024 : null, serverCpuMsPerRequest: api.ok ? (serverCpu * 1000) / api.ok : null },
        raw: { ...raw.latency, perSecond: raw.ok / raw.seconds, statements: raw.statements },
        ratioP50: api.latency.p50 / (health.latency.p50 + raw.latency.p50),
        ratioP95: api.latency.p95 / floor,
        target: READ_TARGET,
        met: api.errors === 0 && api.latency.p95 <= READ_TARGET * floor,
      };
      memory.sample();
    }
    recordBoardTarget(reads.component?.api, sizes);

    recordOverviewTargets(reads.overview, health.latency);

    // ---- Browser
    /** @type {Awaited<ReturnType<typeof measurePages>> | null} */
    let browser = null;
    if (options.browser) {
      log(`[bench] Chromium: ${options.browserLoads} cold loads per page`);
      browser = await measurePages({
        executablePath: options.chromium,
        base,
        cookies,
        loads: options.browserLoads,
        pages: [
          { name: "overview", path: "/" },
          { name: "component", path: `/components/${component}` },
          // The app shell alone (layout, header, framework) with no data: the not-found page.
          { name: "plain", path: "/bench-plain-page" },
        ],
      });
    }

    // ---- Ingest
    const post = (/** @type {number} */ connections, /** @type {number} */ amount) =>
      measurePosts({
        url: base,
        connections,
        amount,
        headers: { ...bearer, "content-type": "application/json" },
        next: () => {
          const run = ingestRun(counter.next++, plan);
          return { path: `/api/v1/preflight/runs?component=${run.slug}&arch=${run.arch}`, body: run.body };
        },
      });
    const warmRuns = Math.max(options.clients, dataset.components.length * dataset.archs.length);
    log(`[bench] ingest: ${warmRuns} warm-up runs through the API (one per component and architecture: steady state)`);
    const warm = await post(options.clients, warmRuns);
    const before = await rowCounts(client);
    /** @type {Record<string, unknown>} */
    const ingest = {};
    for (const connections of [1, options.clients]) {
      log(`[bench] ingest: API, ${connections} client${connections === 1 ? "" : "s"}, ${options.ingestRuns} runs`);
      cpu0 = cpuSeconds(server.pid);
      const api = await post(connections, options.ingestRuns);
      const serverCpu = cpuSeconds(server.pid) - cpu0;
      ingest[`api${connections}`] = { perSecond: api.perSecond, ok: api.ok, statuses: api.statuses, errors: api.errors, seconds: api.seconds, p50: api.latency.p50, p95: api.latency.p95, serverCpuMsPerRun: api.ok ? (serverCpu * 1000) / api.ok : null };
      memory.sample();
    }
    const afterApi = await rowCounts(client);
    for (const connections of [1, options.clients]) {
      log(`[bench] ingest: raw pg, ${connections} client${connections === 1 ? "" : "s"}, ${options.ingestRuns} runs`);
      const raw = await measureRawIngest({ url: db.url, clients: connections, amount: options.ingestRuns, counter, plan, productId: dataset.productId, componentIds, userId });
      ingest[`raw${connections}`] = { perSecond: raw.perSecond, ok: raw.ok, seconds: raw.seconds };
    }
    const afterRaw = await rowCounts(client);
    // The same uploads against a server restarted with 1, then 2 workers (scripts/bench/workers-ingest.mjs).
    const restart = async (/** @type {number} */ workers) => {
      await server?.stop();
      return (server = await startServer({ port: options.port, databaseUrl: db.url, logFile: path.join(options.dataDir, `server-${workers}-workers.log`), log, workers }));
    };
    const byWorkers = await measureIngestByWorkers({ restart, post, cpuSeconds, clients: options.clients, runs: options.ingestRuns, log });
    const apiRuns = 2 * options.ingestRuns;
    const ingestSummary = [1, options.clients].map((c) => {
      const api = /** @type {{ perSecond: number, errors: number, statuses: Record<string, number> }} */ (ingest[`api${c}`]);
      const raw = /** @type {{ perSecond: number }} */ (ingest[`raw${c}`]);
      return { clients: c, api: api.perSecond, raw: raw.perSecond, ratio: api.perSecond / raw.perSecond, created: api.statuses["201"] ?? 0, other: Object.entries(api.statuses).filter(([s]) => s !== "201") };
    });

    const backlogImport = await measureImport({ base, headers: bearer, log });

    await stopAll();
    const mem = memory.stop();
    durations.total = seconds(started);

    // ---- Report
    const readRows = readPaths.map((p) => {
      const r = reads[p.name];
      if (!r) throw new Error(`no result for ${p.name}`);
      return [p.label, r.api.p50, r.api.p95, r.raw.p50, r.raw.p95, r.raw.statements, r.ratioP95, `≤ ${READ_TARGET}: ${verdict(r.met)}`, r.api.perSecond, r.api.serverCpuMsPerRequest, r.api.kibPerResponse, r.api.errors + Object.entries(r.api.statuses).filter(([s]) => !s.startsWith("2")).reduce((n, [, c]) => n + c, 0)];
    });
    let out = "";
    out += section(
      "Machine",
      table(["cpu", "cores", "memory GiB", "os", "node", "PostgreSQL", "load avg at start"], [[host.cpu, host.cores, host.memoryGiB, host.os, host.node, String(dbSize.version).split(" ").slice(0, 2).join(" "), host.loadAverageAtStart.join(" ")]]),
    );
    const expected = datasetRows(sizes);
    out += section(
      `Dataset (${db.embedded ? "embedded PostgreSQL" : "DATABASE_URL server"}, database certboard_bench, ${round(Number(dbSize.bytes) / 2 ** 20)} MiB)`,
      table(
        ["table", "rows", "expected"],
        [
          ["PreflightRun", rows.runs, expected.runs],
          ["CheckResult", rows.checks, expected.checkResults],
          ["ImageTag", rows.tags, expected.imageTags],
          ["BacklogItem", rows.items, expected.items],
          ["ItemComponent", rows.links, expected.itemComponents],
          ["ItemEvent", rows.events, expected.events],
        ],
      ) + `\ngenerated in ${round(durations.generateDataset ?? 0)} s (${Object.entries(dataset.seconds).map(([k, v]) => `${k} ${round(v)} s`).join(", ")}); database prepared in ${round(durations.prepareDatabase ?? 0)} s`,
    );
    out += section(
      `Reads: ${options.clients} concurrent clients, ${options.warmup} s warm-up, ${options.duration} s measured (ms)`,
      table(["path", "p50", "p95", "raw p50", "raw p95", "stmts", "p95 ÷ floor", "target", "req/s", "server CPU ms/req", "KiB/resp", "errors"], [
        ["GET /api/health (floor)", health.latency.p50, health.latency.p95, null, null, 1, null, "", health.ok / health.seconds, health.ok ? (healthCpu * 1000) / health.ok : null, null, health.errors],
        ...readRows,
      ]) + `\nfloor = health p95 + raw SQL p95; raw SQL = the statements the app sent for one request, replayed in order on one pg connection per client`,
    );
    out += section(
      "Ingest: POST /api/v1/preflight/runs (runs per second)",
      table(["clients", "API", "raw pg floor", "API ÷ raw", "target"], ingestSummary.map((s) => [s.clients, s.api, s.raw, s.ratio, s.clients === options.clients ? `≥ ${INGEST_TARGET}: ${verdict(s.ratio >= INGEST_TARGET)}` : ""])) +
        `\nstatements per upload (one run, recorded in process): ${app.upload.length}` +
        `\nrows per run, API: ${JSON.stringify(perRun(afterApi, before, apiRuns))}; raw: ${JSON.stringify(perRun(afterRaw, afterApi, apiRuns))}` +
        `\nAPI statuses: ${ingestSummary.map((s) => `${s.clients} client(s) ${s.created}×201${s.other.map(([k, v]) => ` ${v}×${k}`).join("")}`).join("; ")}; warm-up ${warm.ok} runs at ${round(warm.perSecond)}/s`,
    );
    out += byWorkers.report;
    out += section("Memory: the server (all its processes)", `peak resident ${round(mem.peakRssMiB)} MiB (sampled sum every 200 ms); largest single-process high-water mark ${round(mem.peakHwmMiB)} MiB`);
    if (browser) {
      out += section(
        `Browser: headless Chromium, ${options.browserLoads} cold loads each, medians`,
        table(["page", "path", "status", "LCP ms", "load ms", "TTFB ms", "scripts", "JS KiB wire", "JS KiB decoded"], Object.entries(browser).map(([name, b]) => [name, b.path, b.status, b.lcpMs, b.loadMs, b.ttfbMs, b.scripts, b.jsTransferKiB, b.jsDecodedKiB])),
      );
    }
    out += section(
      `EXPLAIN: sequential scans of tables ≥ ${MIN_ROWS} rows and scans reading ≥ ${MIN_READ} rows`,
      explain.findings.length === 0
        ? "none"
        : table(["path", "stmt", "scan", "table", "table rows", "kept", "removed", "ms", "condition"], explain.findings.map((f) => [f.path, f.statement, f.index ? `${f.node} (${f.index})` : f.node, f.table, f.tableRows, f.kept, f.removed, f.ms, f.filter ?? ""])),
    );
    const goals = targets();
    if (goals.length > 0) {
      out += section(
        "Targets (issue 16)",
        table(["target", "measured", "limit", "verdict", "basis"], goals.map((g) => [g.name, g.measured === null ? "not measured" : `${g.measured}${g.unit}`, `${g.op} ${g.limit}${g.unit}`, g.met === null ? "NOT MEASURED" : verdict(g.met), g.basis])),
      );
    }
    out += `\ntotal ${round(durations.total)} s${durations.nextBuild ? ` (next build ${round(durations.nextBuild)} s)` : ""}\n`;
    process.stdout.write(out);

    const result = {
      machine: host,
      options: { sizes, duration: options.duration, warmup: options.warmup, ingestRuns: options.ingestRuns, clients: options.clients, quick: options.quick },
      dataset: { rows, megabytes: round(Number(dbSize.bytes) / 2 ** 20), generateSeconds: dataset.seconds, postgres: dbSize.version },
      reads: { health: { ...health.latency, perSecond: health.ok / health.seconds, errors: health.errors }, ...reads },
      ingest: { ...ingest, byWorkers: byWorkers.byWorkers, workersSpeedup: byWorkers.speedup, summary: ingestSummary.map(({ other, ...s }) => ({ ...s, statuses: Object.fromEntries(other) })), rowsPerRun: { api: perRun(afterApi, before, apiRuns), raw: perRun(afterRaw, afterApi, apiRuns) } },
      memory: mem,
      cliStart,
      backlogImport,
      browser,
      explain: { findings: explain.findings, perPath: explain.perPath },
      targets: goals,
      durations,
    };
    const json = JSON.stringify(result, (_k, v) => (typeof v === "number" ? round(v) : v));
    if (options.json) fs.writeFileSync(options.json, `${JSON.stringify(JSON.parse(json), null, 2)}\n`);
    process.stdout.write(`BENCH ${json}\n`);
  } finally {
    await client.end().catch(() => {});
    await stopAll().catch(() => {});
    await db.release({ keep: options.keep });
  }
}

main().catch((error) => {
  log(`[bench] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
