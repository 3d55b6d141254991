/**
 * Command-line options of `npm run bench`: dataset sizes, load durations, where to run. Pure, so
 * the sizing is tested (stats.test.ts).
 */
import os from "node:os";
import path from "node:path";

/** The dataset issue 6 names: 50 components × 4 architectures × 500 runs × 10 checks = 1,000,000 check results. */
export const DEFAULT_SIZES = Object.freeze({ components: 50, archs: 4, runs: 500, checks: 10, items: 5000, events: 50000, days: 180 });

/** A small dataset and short load phases: the whole bench in a couple of minutes. */
export const QUICK_SIZES = Object.freeze({ components: 10, archs: 4, runs: 50, checks: 10, items: 500, events: 5000, days: 180 });

const DEFAULT_LOAD = Object.freeze({ duration: 20, warmup: 5, ingestRuns: 1000, clients: 8, browserLoads: 5 });
const QUICK_LOAD = Object.freeze({ duration: 5, warmup: 2, ingestRuns: 200, clients: 8, browserLoads: 3 });

export const MAX_CHECKS = 40;
export const MAX_ARCHS = 8;

/**
 * @typedef {object} BenchOptions
 * @property {{ components: number, archs: number, runs: number, checks: number, items: number, events: number, days: number }} sizes
 * @property {number} duration seconds each read phase is measured
 * @property {number} warmup seconds of unmeasured load before each read phase
 * @property {number} ingestRuns preflight runs uploaded per ingest phase (and written by the raw floor)
 * @property {number} clients concurrent clients of the read phases and the second ingest phase
 * @property {number} browserLoads cold page loads per page in Chromium (the median is reported)
 * @property {boolean} quick
 * @property {boolean} build run `next build` even when a build exists
 * @property {boolean} browser
 * @property {boolean} keep keep the bench database afterwards
 * @property {number} port HTTP port of the server under test
 * @property {number} dbPort port of the bench's embedded PostgreSQL (unless DATABASE_URL)
 * @property {string} dataDir data directory of the bench's embedded PostgreSQL
 * @property {string | null} lock a flock(1) file held while building and while the server runs
 * @property {string | null} json also write the figures to this file
 * @property {string} chromium
 */

const HELP = `Usage: npm run bench -- [options]

Builds a synthetic dataset in a database of its own, starts the production server on it and
measures ingest, reads, memory and page loads. Prints a table, then one line "BENCH {json}".

Dataset (default: 50 × 4 × 500 × 10 = 1,000,000 check results, 5,000 items, 50,000 events):
  --components N    components (default 50)
  --archs N         architectures per component (default 4, at most ${MAX_ARCHS})
  --runs N          preflight runs per component and architecture (default 500)
  --checks N        checks per run (default 10, the container policy; at most ${MAX_CHECKS})
  --items N         backlog items (default 5000)
  --events N        item events (default 50000, at least one per item)
  --days N          history the dataset spans (default 180)
  --quick           10 × 4 × 50 × 10, 500 items, 5,000 events, short phases (a couple of minutes)

Load:
  --duration S      seconds each read phase is measured (default 20; quick 5)
  --warmup S        seconds of unmeasured load before each read phase (default 5; quick 2)
  --ingest-runs N   runs uploaded per ingest phase (default 1000; quick 200)
  --clients N       concurrent clients (default 8)
  --browser-loads N cold loads per page in Chromium (default 5; quick 3)
  --no-browser      skip the Chromium measurements

Where:
  --port N          server port (default 3210, or BENCH_PORT)
  --db-port N       embedded PostgreSQL port (default 24359, or CERTBOARD_BENCH_DB_PORT)
  --data-dir DIR    embedded PostgreSQL data (default $TMPDIR/certboard-bench, or CERTBOARD_BENCH_DATA_DIR)
  --build           run next build even when .next holds a build
  --lock FILE       hold flock(1) on FILE while building and while the server runs (or BENCH_LOCK)
  --json FILE       also write the figures to FILE
  --keep            keep the bench database afterwards (it is dropped and rebuilt at every run)

With DATABASE_URL set, the bench creates its own database "certboard_bench" on that server
(never touching the database the URL names) and drops it at the end unless --keep.
`;

/** @param {string} name @param {string | undefined} value @param {number} min @param {number} [max] */
function integer(name, value, min, max = Number.MAX_SAFE_INTEGER) {
  const n = Number(value);
  if (value === undefined || !Number.isInteger(n) || n < min || n > max) {
    throw new Error(`${name} takes a whole number${max === Number.MAX_SAFE_INTEGER ? ` ≥ ${min}` : ` from ${min} to ${max}`}, got ${JSON.stringify(value ?? "")}`);
  }
  return n;
}

/**
 * @param {string[]} argv arguments after the script name
 * @param {Record<string, string | undefined>} [env]
 * @returns {BenchOptions | { help: string }}
 */
export function parseBenchArgs(argv, env = {}) {
  const quick = argv.includes("--quick");
  const sizes = { ...(quick ? QUICK_SIZES : DEFAULT_SIZES) };
  const load = { ...(quick ? QUICK_LOAD : DEFAULT_LOAD) };
  /** @type {BenchOptions} */
  const options = {
    sizes,
    ...load,
    quick,
    build: false,
    browser: true,
    keep: false,
    port: integer("BENCH_PORT", env.BENCH_PORT ?? "3210", 1, 65535),
    dbPort: integer("CERTBOARD_BENCH_DB_PORT", env.CERTBOARD_BENCH_DB_PORT ?? "24359", 1, 65535),
    dataDir: path.resolve(env.CERTBOARD_BENCH_DATA_DIR ?? path.join(os.tmpdir(), "certboard-bench")),
    lock: env.BENCH_LOCK || null,
    json: null,
    chromium: env.CHROMIUM_PATH || "/usr/bin/chromium",
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = /** @type {string} */ (argv[i]);
    const [flag, inline] = arg.startsWith("--") && arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case "--help":
      case "-h":
        return { help: HELP };
      case "--quick":
        break;
      case "--components":
        sizes.components = integer(flag, value(), 1, 10_000);
        break;
      case "--archs":
        sizes.archs = integer(flag, value(), 1, MAX_ARCHS);
        break;
      case "--runs":
        sizes.runs = integer(flag, value(), 1, 1_000_000);
        break;
      case "--checks":
        sizes.checks = integer(flag, value(), 1, MAX_CHECKS);
        break;
      case "--items":
        sizes.items = integer(flag, value(), 1, 10_000_000);
        break;
      case "--events":
        sizes.events = integer(flag, value(), 0, 100_000_000);
        break;
      case "--days":
        sizes.days = integer(flag, value(), 1, 3650);
        break;
      case "--duration":
        options.duration = integer(flag, value(), 1, 3600);
        break;
      case "--warmup":
        options.warmup = integer(flag, value(), 0, 3600);
        break;
      case "--ingest-runs":
        options.ingestRuns = integer(flag, value(), 8, 1_000_000);
        break;
      case "--clients":
        options.clients = integer(flag, value(), 1, 256);
        break;
      case "--browser-loads":
        options.browserLoads = integer(flag, value(), 1, 100);
        break;
      case "--no-browser":
        options.browser = false;
        break;
      case "--port":
        options.port = integer(flag, value(), 1, 65535);
        break;
      case "--db-port":
        options.dbPort = integer(flag, value(), 1, 65535);
        break;
      case "--data-dir":
        options.dataDir = path.resolve(String(value() ?? ""));
        break;
      case "--build":
        options.build = true;
        break;
      case "--lock":
        options.lock = String(value() ?? "") || null;
        break;
      case "--json":
        options.json = String(value() ?? "") || null;
        break;
      case "--keep":
        options.keep = true;
        break;
      default:
        throw new Error(`Unknown option ${arg}. Try --help.`);
    }
  }
  if (sizes.events < sizes.items) {
    throw new Error(`--events (${sizes.events}) must be at least --items (${sizes.items}): every item has its "created" event.`);
  }
  if (options.ingestRuns < options.clients) throw new Error(`--ingest-runs must be at least --clients (${options.clients}).`);
  return options;
}

/**
 * Row counts a dataset of these sizes holds (besides the requirement catalog and the bench user).
 * @param {BenchOptions["sizes"]} sizes
 */
export function datasetRows(sizes) {
  const runs = sizes.components * sizes.archs * sizes.runs;
  // One item per (component, known check) first, linked to its component only; then backlog
  // items, every tenth (by number) linked to a second component too.
  const checkItems = Math.min(sizes.items, sizes.components * Math.min(sizes.checks, 10));
  const secondLinks = sizes.components > 1 ? Math.floor(sizes.items / 10) - Math.floor(checkItems / 10) : 0;
  return {
    products: 1,
    components: sizes.components,
    imageTags: sizes.components * sizes.runs,
    runs,
    checkResults: runs * sizes.checks,
    items: sizes.items,
    checkItems,
    itemComponents: sizes.items + secondLinks,
    events: sizes.events,
  };
}
