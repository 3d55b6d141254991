import "server-only";
import { isoDay } from "@/lib/calendar/days";
import { CLOSED_STATUSES } from "@/lib/backlog/schema";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { buildForecast } from "@/lib/forecast/forecast";
import type { Forecast, RemainingWork } from "@/lib/forecast/schema";
import { throughputWindow, weeksFromNet } from "@/lib/forecast/throughput";
import { openBlockersByDay, utcDay } from "@/lib/overview/burndown";
import type { BurndownPoint } from "@/lib/overview/schema";
import { dependentsOf } from "@/lib/phases/dependency-graph";
import { isComponentSatisfied } from "@/lib/phases/gating";

const closed = [...CLOSED_STATUSES];
const BURNDOWN_DAYS = 30;
const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;

/** Open items counted per phase and blocker-or-not in the database (an unestimated item has no maximum; a missing minimum is the maximum). */
type OpenGroup = { phaseId: string | null; blocker: boolean; items: number; unestimated: number; minHours: number; maxHours: number };

function workOf(groups: readonly OpenGroup[]): RemainingWork {
  const work = { items: 0, blockers: 0, minHours: 0, maxHours: 0, unestimated: 0 };
  for (const group of groups) {
    work.items += group.items;
    if (group.blocker) work.blockers += group.items;
    work.unestimated += group.unestimated;
    work.minHours += group.minHours;
    work.maxHours += group.maxHours;
  }
  return work;
}

async function loadProduct(slug: string) {
  const product = await getDb().product.findUnique({ where: { slug }, select: { id: true, slug: true, targetDate: true, hoursPerWeek: true } });
  if (!product) throw new AppError("not_found", `No product "${slug}".`);
  return product;
}

/**
 * Will the product (or one phase of it) make its target date? Reads the open work, the team's
 * closures per full week (status events to done or won't do) and the plan. `now` is an input (the
 * route passes the clock) so the stored history can also be read as of a later moment with nothing
 * else changed; the open work is always today's. The caller has checked access to the product.
 */
export async function getForecast(input: { product: string; phase?: string; now: Date }): Promise<Forecast> {
  const { now } = input;
  const db = getDb();
  const product = await loadProduct(input.product);
  const [phases, open, first] = await Promise.all([
    db.phase.findMany({
      where: { productId: product.id },
      orderBy: { order: "asc" },
      select: {
        id: true,
        key: true,
        order: true,
        name: true,
        targetDate: true,
        completedAt: true,
        dependsOn: { select: { dependsOn: { select: { key: true } } } },
        gates: { select: { component: { select: { name: true, certificationStatus: true } } } },
      },
    }),
    db.$queryRaw<OpenGroup[]>`
      SELECT "phaseId"::text AS "phaseId", "category" = 'critical_blocker' AS blocker, count(*)::int AS items,
        count(*) FILTER (WHERE "effortMaxHours" IS NULL)::int AS unestimated,
        coalesce(sum(coalesce("effortMinHours", "effortMaxHours")) FILTER (WHERE "effortMaxHours" IS NOT NULL), 0)::float8 AS "minHours",
        coalesce(sum("effortMaxHours"), 0)::float8 AS "maxHours"
      FROM "BacklogItem" WHERE "productId" = ${product.id}::uuid AND NOT ("status"::text = ANY(${closed}))
      GROUP BY 1, 2`,
    db.backlogItem.aggregate({ where: { productId: product.id, createdAt: { lte: now } }, _min: { createdAt: true } }),
  ]);
  const phase = input.phase === undefined ? null : phases.find((p) => p.key === input.phase);
  if (phase === undefined) throw new AppError("not_found", `No phase "${input.phase}" in product "${product.slug}".`);

  // The open phases this one waits on, directly or through others; a completed phase holds nothing up.
  const edges = phases.flatMap((p) => p.dependsOn.map(({ dependsOn }) => ({ phase: dependsOn.key, dependsOn: p.key })));
  const completed = new Set(phases.filter((p) => p.completedAt).map((p) => p.key));
  const upstream = phase ? new Set(dependentsOf(edges, [phase.key], (key) => !completed.has(key))) : new Set<string>();
  const prerequisitePhases = phases.filter((p) => upstream.has(p.key));
  const waitingImages = phase
    ? [...new Set([phase, ...prerequisitePhases].flatMap((p) => p.gates.map((g) => g.component).filter((c) => !isComponentSatisfied(c)).map((c) => c.name)))]
    : [];

  const window = throughputWindow(first._min.createdAt, now);
  // Net closures per week of the window (throughput.ts `isClosure`/`isReopening`), counted in the database.
  const netPerWeek = window
    ? await db.$queryRaw<{ week: number; net: number }[]>`
        SELECT floor(extract(epoch FROM (e."at" - ${window.from}::timestamp)) / ${WEEK_MS / 1000})::int AS week,
          sum(CASE WHEN (e."newValue" #>> '{}') = ANY(${closed}) AND NOT coalesce((e."oldValue" #>> '{}') = ANY(${closed}), false) THEN 1
                   WHEN (e."oldValue" #>> '{}') = ANY(${closed}) AND NOT coalesce((e."newValue" #>> '{}') = ANY(${closed}), false) THEN -1
                   ELSE 0 END)::int AS net
        FROM "ItemEvent" e JOIN "BacklogItem" i ON i."id" = e."itemId"
        WHERE i."productId" = ${product.id}::uuid AND e."field" = 'status' AND e."at" >= ${window.from} AND e."at" < ${window.to}
        GROUP BY 1`
    : [];
  const own = workOf(phase ? open.filter((item) => item.phaseId === phase.id) : open);
  const prerequisites = prerequisitePhases.map((p) => ({ key: p.key, order: p.order, name: p.name, ...workOf(open.filter((item) => item.phaseId === p.id)) }));
  const nothingOpen = own.items + prerequisites.reduce((sum, p) => sum + p.items, 0) === 0;

  return buildForecast({
    product: product.slug,
    phase: phase && { key: phase.key, order: phase.order, name: phase.name, completedAt: phase.completedAt },
    now,
    targetDate: phase ? phase.targetDate : product.targetDate,
    hoursPerWeek: product.hoursPerWeek,
    own,
    prerequisites,
    waitingImages,
    weeklyClosed: weeksFromNet(netPerWeek, window),
    finishedOn: nothingOpen && !phase?.completedAt ? await lastClosure(product.id, phase ? [phase.id, ...prerequisitePhases.map((p) => p.id)] : null, now) : null,
  });
}

/** When the scope's last item was closed (done or won't do), up to `now`: a phase's scope includes the open phases it waits on. */
async function lastClosure(productId: string, phaseIds: string[] | null, now: Date): Promise<Date | null> {
  const event = await getDb().itemEvent.findFirst({
    where: {
      item: { productId, ...(phaseIds && { phaseId: { in: phaseIds } }) },
      field: "status",
      at: { lte: now },
      OR: closed.map((status) => ({ newValue: { equals: status } })),
    },
    orderBy: { at: "desc" },
    select: { at: true },
  });
  return event?.at ?? null;
}

/** A product's target date and hours per week, for the forms that set them. */
export async function getProductPlan(productId: string): Promise<{ targetDate: string | null; hoursPerWeek: number | null }> {
  const product = await getDb().product.findUniqueOrThrow({ where: { id: productId }, select: { targetDate: true, hoursPerWeek: true } });
  return { targetDate: product.targetDate ? isoDay(product.targetDate) : null, hoursPerWeek: product.hoursPerWeek };
}

/**
 * Open items and open critical blockers per day of some phases (a phase and the phases it waits on,
 * as its forecast counts them), rebuilt from history as the overview's burndown is.
 */
export async function getPhasesBurndown(input: { product: string; phases: string[]; now: Date }): Promise<BurndownPoint[]> {
  const db = getDb();
  const product = await loadProduct(input.product);
  const phases = await db.phase.findMany({ where: { productId: product.id, key: { in: input.phases } }, select: { id: true } });
  const phaseId = { in: phases.map((phase) => phase.id) };
  const since = new Date(utcDay(input.now) - (BURNDOWN_DAYS - 1) * DAY_MS);
  // Items are in the phase they are in today: a move between phases is not replayed.
  const [items, events] = await Promise.all([
    db.backlogItem.findMany({ where: { phaseId }, select: { id: true, category: true, status: true, createdAt: true } }),
    db.itemEvent.findMany({
      where: { item: { phaseId }, at: { gte: since }, field: { in: ["created", "status", "category"] } },
      select: { itemId: true, at: true, field: true, oldValue: true },
    }),
  ]);
  return openBlockersByDay(items, events, input.now, BURNDOWN_DAYS);
}
