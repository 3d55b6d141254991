import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disconnectDb, getDb } from "@/lib/db";
import { getOverview } from "@/lib/overview/data";
import { runsPerWeek } from "@/lib/overview/runs-per-week";

// The runs per week read from PreflightRunDay, the rollup the database keeps by trigger, must be
// the figures a direct count of the runs gives, after every kind of write: bulk inserts, a run
// assigned later, a changed outcome or date, deletes, and a component deleted with its runs.

const DAY = 86_400_000;
const now = new Date();
const today = Math.floor(now.getTime() / DAY) * DAY;

let productId: string;
let slug: string;
let components: string[];

const run = (componentId: string | null, createdAt: Date, passed: boolean) => ({
  productId,
  componentId,
  imageRef: "quay.io/example/operator:v1",
  imageRefNormalized: "quay.io/example/operator:v1",
  architecture: "amd64",
  kind: "container",
  preflightVersion: "1.21.0",
  passed,
  passedCount: passed ? 10 : 9,
  failedCount: passed ? 0 : 1,
  errorCount: 0,
  warningCount: 0,
  diff: {},
  warnings: [],
  contentSha256: randomUUID(),
  original: Buffer.from("{}"),
  actor: "test",
  createdAt,
});

/** The chart as the overview counted it before the rollup: every assigned run of the window, up to `now`. */
async function directWeeks(at: Date) {
  const runs = await getDb().preflightRun.findMany({ where: { productId, componentId: { not: null } }, select: { createdAt: true, passed: true } });
  return runsPerWeek(runs, at, 12);
}

/** The rollup against a count of the runs themselves, per component and day. */
async function rollupAndCount() {
  const db = getDb();
  const [rollup, counted] = await Promise.all([
    db.$queryRaw<{ key: string; passed: number; failed: number }[]>`
      SELECT "componentId"::text || ' ' || "day"::text AS key, "passed", "failed" FROM "PreflightRunDay"
      WHERE "productId" = ${productId}::uuid AND ("passed" <> 0 OR "failed" <> 0) ORDER BY 1`,
    db.$queryRaw<{ key: string; passed: number; failed: number }[]>`
      SELECT "componentId"::text || ' ' || ("createdAt"::date)::text AS key, count(*) FILTER (WHERE "passed")::int AS passed, count(*) FILTER (WHERE NOT "passed")::int AS failed
      FROM "PreflightRun" WHERE "productId" = ${productId}::uuid AND "componentId" IS NOT NULL GROUP BY 1 ORDER BY 1`,
  ]);
  return { rollup, counted };
}

async function expectSameFigures() {
  const { rollup, counted } = await rollupAndCount();
  expect(rollup).toEqual(counted);
  // Several moments: now, earlier today, the end of an earlier day (a past `now` reads as of then).
  for (const at of [now, new Date(today + 1000), new Date(today - 20 * DAY + 5 * 3_600_000)]) {
    const overview = (await getOverview(slug, at))!;
    expect(overview.runsPerWeek).toEqual(await directWeeks(at));
  }
}

beforeAll(async () => {
  const db = getDb();
  slug = `rundays-${randomUUID().slice(0, 8)}`;
  const product = await db.product.create({ data: { slug, name: slug } });
  productId = product.id;
  components = await Promise.all(
    ["alpha", "beta", "gamma"].map(async (name) => (await db.component.create({ data: { productId, slug: name, name, type: "container" } })).id),
  );
  // 100 days of history (longer than the chart's 12 weeks), every 7 hours, across the three
  // components and a few unassigned runs; some of today's runs come after `now`.
  const runs = Array.from({ length: 350 }, (_, i) => {
    const at = new Date(today - 100 * DAY + i * 7 * 3_600_000 + 60_000);
    return run(i % 11 === 0 ? null : components[i % 3]!, at, i % 4 !== 0);
  });
  runs.push(run(components[0]!, new Date(now.getTime() + 3_600_000), true), run(components[1]!, new Date(today + 60_000), false));
  await db.preflightRun.createMany({ data: runs });
});
afterAll(disconnectDb);

describe("runs per week from the rollup", () => {
  it("matches a direct count of the runs after a bulk insert", async () => {
    const { rollup } = await rollupAndCount();
    expect(rollup.length).toBeGreaterThan(50);
    const weeks = (await getOverview(slug, now))!.runsPerWeek;
    expect(weeks.reduce((n, w) => n + w.passed + w.failed, 0)).toBeGreaterThan(100);
    await expectSameFigures();
  });

  it("follows a run assigned later, a changed outcome, a moved date and a run's deletion", async () => {
    const db = getDb();
    const unassigned = await db.preflightRun.findFirstOrThrow({ where: { productId, componentId: null }, orderBy: { createdAt: "desc" } });
    await db.preflightRun.update({ where: { id: unassigned.id }, data: { componentId: components[2]! } });
    const [first, second, third] = await db.preflightRun.findMany({ where: { productId, componentId: components[0]! }, orderBy: { createdAt: "desc" }, skip: 1, take: 3 });
    await db.preflightRun.update({ where: { id: first!.id }, data: { passed: !first!.passed } });
    await db.preflightRun.update({ where: { id: second!.id }, data: { createdAt: new Date(today - 30 * DAY), componentId: components[1]! } });
    await db.preflightRun.delete({ where: { id: third!.id } });
    // An update that changes nothing the rollup counts leaves it alone.
    await db.preflightRun.updateMany({ where: { productId }, data: { actor: "someone else" } });
    // A run taken back to unassigned stops counting.
    await db.preflightRun.updateMany({ where: { productId, componentId: components[2]!, createdAt: { gte: new Date(today - 14 * DAY) } }, data: { componentId: null } });
    await expectSameFigures();
  });

  it("follows a component deleted with its runs, and a product deleted with everything", async () => {
    const db = getDb();
    await db.component.delete({ where: { id: components[1]! } });
    await expectSameFigures();
    await db.product.delete({ where: { id: productId } });
    const left = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "PreflightRunDay" WHERE "productId" = ${productId}::uuid`;
    expect(left[0]!.n).toBe(0);
  });
});
