#!/usr/bin/env node
// `npm test`: every tier in order (unit, integration on real PostgreSQL, end to end on the
// production build in Chromium, system: faults and concurrency against production servers), then
// one plain line "N passed, N failed" summing them all. `node scripts/test-all.mjs system` runs one tier.
import { spawn } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";

process.env.NEXT_TELEMETRY_DISABLED ??= "1";
const tmp = mkdtempSync(path.join(os.tmpdir(), "certboard-test-"));
// The embedded PostgreSQL runs as the OS user "postgres" when we are root: it must enter this folder.
chmodSync(tmp, 0o755);
const only = process.argv.slice(2);
const want = (tier) => only.length === 0 || only.includes(tier);

function run(command, args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

function vitestCounts(file) {
  if (!existsSync(file)) return null;
  const report = JSON.parse(readFileSync(file, "utf8"));
  return { passed: report.numPassedTests, failed: report.numFailedTests, skipped: report.numPendingTests + report.numTodoTests };
}

function playwrightCounts(file) {
  if (!existsSync(file)) return null;
  const { stats } = JSON.parse(readFileSync(file, "utf8"));
  return { passed: stats.expected + stats.flaky, failed: stats.unexpected, skipped: stats.skipped };
}

const tiers = [];
async function tier(name, exec, counts) {
  console.log(`\n=== ${name} ===`);
  const code = await exec();
  const c = counts() ?? { passed: 0, failed: 0, skipped: 0 };
  // A tier that crashed before reporting (build failure, no database) counts as one failure.
  if (code !== 0 && c.failed === 0) c.failed = 1;
  tiers.push({ name, code, ...c });
}

const vitest = (project, file) => ["vitest", "run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile=${file}`];

if (want("unit")) {
  const file = path.join(tmp, "unit.json");
  await tier("unit", () => run("npx", vitest("unit", file)), () => vitestCounts(file));
}
if (want("integration")) {
  const file = path.join(tmp, "integration.json");
  await tier(
    "integration",
    () => run("node", ["scripts/with-db.mjs", "--migrate", "npx", ...vitest("integration", file)], {
      // Its own embedded database, so tests never touch the data of a running `npm start`.
      CERTBOARD_DATA_DIR: process.env.CERTBOARD_TEST_DATA_DIR ?? path.join(tmp, "db"),
      CERTBOARD_DB_PORT: process.env.CERTBOARD_TEST_DB_PORT ?? "24349",
    }),
    () => vitestCounts(file),
  );
}
// The production build, made once for the tiers that serve it (CERTBOARD_SKIP_BUILD=1 reuses .next).
let build = null;
const ensureBuild = () => (build ??= process.env.CERTBOARD_SKIP_BUILD === "1" ? Promise.resolve(0) : run("npx", ["next", "build"]));

if (want("e2e")) {
  const file = path.join(tmp, "e2e.json");
  await tier(
    "e2e",
    async () => {
      const built = await ensureBuild();
      if (built !== 0) return built;
      return run("npx", ["playwright", "test"], { PLAYWRIGHT_JSON_OUTPUT_NAME: file });
    },
    () => playwrightCounts(file),
  );
}
if (want("system")) {
  const file = path.join(tmp, "system.json");
  await tier(
    "system",
    async () => {
      const built = await ensureBuild();
      if (built !== 0) return built;
      // Starts its own PostgreSQL and `next start` servers on loopback (see tests/system/harness.ts).
      return run("npx", vitest("system", file), { CERTBOARD_SYSTEM_DATA_DIR: process.env.CERTBOARD_SYSTEM_DATA_DIR ?? tmp });
    },
    () => vitestCounts(file),
  );
}

console.log("\n=== summary ===");
for (const t of tiers) console.log(`${t.name}: ${t.passed} passed, ${t.failed} failed, ${t.skipped} skipped (exit ${t.code})`);
const sum = (key) => tiers.reduce((n, t) => n + t[key], 0);
const skipped = sum("skipped");
console.log(`${sum("passed")} passed, ${sum("failed")} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(tiers.every((t) => t.code === 0) ? 0 : 1);
