/**
 * The CLI's start: wall time of `node bin/certboard.mjs --help` against `node -e 0`, the floor no
 * Node program starts under, medians of RUNS runs each, taken in turns so both see the same load.
 * Records issue 16's target (≤ 8 ×). Compiles the CLI first when dist/cli is missing or stale,
 * as the launcher would otherwise measure its tsx fallback.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { PROJECT_ROOT } from "../embedded-db.mjs";
import { buildCli, staleReason } from "../build.mjs";
import { median, round } from "./stats.mjs";
import { target } from "./targets.mjs";

const RUNS = 11;
export const CLI_START_LIMIT = 8;

/** Milliseconds one run of `node ...args` takes, from spawn to exit. @param {string[]} args */
function time(args) {
  const started = performance.now();
  const run = spawnSync(process.execPath, args, { cwd: PROJECT_ROOT, stdio: ["ignore", "ignore", "pipe"], env: { ...process.env, NO_COLOR: "1" } });
  const ms = performance.now() - started;
  if (run.status !== 0) throw new Error(`node ${args.join(" ")} exited ${run.status}: ${run.stderr}`);
  return ms;
}

/** @param {{ log: (line: string) => void }} options */
export async function measureCliStart({ log }) {
  const stale = staleReason();
  if (stale) {
    log(`[bench] ${stale}: compiling the CLI`);
    await buildCli();
  }
  const cli = [path.join(PROJECT_ROOT, "bin", "certboard.mjs"), "--help"];
  const floor = ["-e", "0"];
  // One untimed run each: the first reads every file from disk.
  time(floor);
  time(cli);
  /** @type {number[]} */
  const nodeMs = [];
  /** @type {number[]} */
  const cliMs = [];
  for (let i = 0; i < RUNS; i++) {
    nodeMs.push(time(floor));
    cliMs.push(time(cli));
  }
  const result = { runs: RUNS, nodeMs: median(nodeMs), cliMs: median(cliMs), ratio: median(cliMs) / median(nodeMs) };
  log(`[bench] CLI start: certboard --help ${round(result.cliMs)} ms, node -e 0 ${round(result.nodeMs)} ms (medians of ${RUNS}): ${round(result.ratio)} ×`);
  target({
    name: "certboard --help ÷ node -e 0",
    measured: result.ratio,
    op: "≤",
    limit: CLI_START_LIMIT,
    unit: " ×",
    basis: `medians of ${RUNS} runs each: ${round(result.cliMs)} ms ÷ ${round(result.nodeMs)} ms`,
  });
  return result;
}
