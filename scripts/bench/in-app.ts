/**
 * The bench's in-process half, run with the app's own modules (like the CLI: tsx, react-server
 * conditions) against the bench database:
 * 1. creates the bench's admin and an engineer API token through lib/users and lib/tokens;
 * 2. records the SQL each measured read path sends (the same data functions the route handlers
 *    and the overview page call; authentication is left out) and the SQL of one upload, by
 *    wrapping pg's Client#query, which @prisma/adapter-pg sends every statement through.
 * The statements come back as JSON on stdout: the raw-SQL floor replays them through pg, and
 * EXPLAIN looks at each one.
 *
 *   node --conditions=react-server --import tsx scripts/bench/in-app.ts '<json input>'
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { getSummary, listItems } from "@/lib/backlog/data";
import { itemFilterSchema } from "@/lib/backlog/schema";
import { getComponentBoard } from "@/lib/component-board/data";
import { disconnectDb } from "@/lib/db";
import { getForecast } from "@/lib/forecast/data";
import { countEvents, getOverview, listEvents } from "@/lib/overview/data";
import { EVENT_WINDOW_DAYS, OVERVIEW_EVENT_LIMIT } from "@/lib/overview/schema";
import { getReadiness } from "@/lib/readiness/data";
import { findProduct } from "@/lib/products/data";
import { searchProduct } from "@/lib/search/data";
import { ingestPreflightRuns } from "@/lib/preflight/mutations";
import { prepareUpload } from "@/lib/preflight/prepare-upload";
import { createApiToken } from "@/lib/tokens/mutations";
import { createUser } from "@/lib/users/mutations";

type Input = {
  component: string;
  itemQuery: Record<string, string>;
  searchQuery: string;
  upload: { body: string; component: string; arch: string };
};

export type RecordedStatement = { text: string; values: unknown[] };

const input = JSON.parse(process.argv[2] ?? "{}") as Input;

let recording: RecordedStatement[] | null = null;
const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
const original = proto.query;
proto.query = function query(this: unknown, ...args: unknown[]) {
  const config = args[0];
  if (recording) {
    if (typeof config === "string") recording.push({ text: config, values: Array.isArray(args[1]) ? args[1] : [] });
    else if (config && typeof config === "object" && "text" in config) {
      const { text, values } = config as { text: string; values?: unknown[] };
      recording.push({ text, values: values ?? [] });
    }
  }
  return original.apply(this, args);
};

/** Runs `fn` once to warm up (connections, Prisma's query plans), then again while recording. */
async function capture(fn: () => Promise<unknown>, warm = true): Promise<RecordedStatement[]> {
  if (warm) await fn();
  recording = [];
  try {
    await fn();
    return recording;
  } finally {
    recording = null;
  }
}

/** Bytes (bytea parameters) travel as { $bytes: base64 }. */
function encode(statements: RecordedStatement[]) {
  return statements.map((s) => ({
    text: s.text,
    values: s.values.map((v) => (v instanceof Uint8Array ? { $bytes: Buffer.from(v).toString("base64") } : v)),
  }));
}

async function main() {
  const email = `bench-${randomBytes(4).toString("hex")}@certboard.invalid`;
  const password = randomBytes(18).toString("base64url");
  const user = await createUser({ email, name: "Bench admin", role: "admin", password });
  const token = await createApiToken({ name: "bench", role: "engineer", expiresAt: null, userId: user.id, actor: { kind: "system", name: "bench" } });

  const overviewPage = async () => {
    // What app/page.tsx reads, in the same order.
    const now = new Date();
    const [summary] = await Promise.all([getSummary(), getOverview(undefined, now)]);
    if (!summary.product) return;
    const since = new Date(now.getTime() - EVENT_WINDOW_DAYS * 86_400_000);
    await Promise.all([
      getForecast({ product: summary.product, now }),
      listEvents({ product: summary.product, since, limit: OVERVIEW_EVENT_LIMIT }, now),
      countEvents(summary.product, since),
      getReadiness(summary.product, now),
    ]);
  };
  const paths = {
    summary: await capture(() => getSummary()),
    component: await capture(() => getComponentBoard(input.component)),
    items: await capture(() => listItems(itemFilterSchema.parse(input.itemQuery))),
    overview: await capture(overviewPage),
    search: await capture(async () => {
      const product = await findProduct();
      if (product) await searchProduct(product, input.searchQuery);
    }),
  };
  const upload = await capture(async () => {
    const runs = prepareUpload([{ name: "results.json", bytes: new TextEncoder().encode(input.upload.body), role: "results" }], { arch: input.upload.arch });
    await ingestPreflightRuns({ runs, componentSlug: input.upload.component, actor: { kind: "token", name: "bench", tokenId: token.id, userId: user.id } });
  }, false);
  await disconnectDb();
  const out = {
    user: { email, password },
    token: token.token,
    paths: Object.fromEntries(Object.entries(paths).map(([name, statements]) => [name, encode(statements)])),
    upload: encode(upload),
  };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
