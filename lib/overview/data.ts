import "server-only";
import { getSummary } from "@/lib/backlog/data";
import { CATEGORIES, CLOSED_STATUSES, STATUSES } from "@/lib/backlog/schema";
import { isoDay } from "@/lib/calendar/days";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { isRedHatRegistry } from "@/lib/components/image-ref";
import { policyInForce } from "@/lib/components/policy";
import { readRunDiff } from "@/lib/preflight/client";
import { findProduct, getProduct, type ProductRef } from "@/lib/products/data";
import { burndownFromDeltas, utcDay, type BurndownDeltas } from "./burndown";
import { categoryStatusTable } from "./category-status";
import { componentFeedEvent, importFeedEvent, itemFeedEvent, runFeedEvents, selectFeed } from "./event-feed";
import type { StatusReport } from "./report-markdown";
import { runsPerWeek, weekStart } from "./runs-per-week";
import { EVENT_WINDOW_DAYS, OVERVIEW_BLOCKERS, isCertified, type EventFeed, type EventKind, type EventQuery, type FeedEvent, type OverviewData } from "./schema";

const DAY_MS = 86_400_000;
const BURNDOWN_DAYS = 30;
const RUN_WEEKS = 12;
/** Rows read per source for one feed page: a week of a busy product stays far below this. */
const SOURCE_CAP = 2000;
const closed = [...CLOSED_STATUSES];

/**
 * A product's open critical blockers in the item list's order (priority, then position), with who
 * owns each and the components it names: the overview's list (first `take`) and the report's (all).
 */
function readOpenBlockers(productId: string, take?: number) {
  return getDb().backlogItem.findMany({
    where: { productId, category: "critical_blocker", status: { notIn: closed } },
    orderBy: [{ priority: { sort: "asc", nulls: "last" } }, { position: "asc" }, { key: "asc" }],
    take,
    select: {
      key: true,
      title: true,
      status: true,
      priority: true,
      createdAt: true,
      assignee: { select: { name: true } },
      components: { select: { component: { select: { slug: true, name: true } } }, orderBy: { component: { slug: "asc" } } },
    },
  });
}

/** Everything the overview draws besides the backlog summary; null when no product exists yet. */
export async function getOverview(productSlug?: string, now = new Date()): Promise<OverviewData | null> {
  const product = await findProduct(productSlug);
  if (!product) {
    if (productSlug) throw new AppError("not_found", `No product "${productSlug}".`);
    return null;
  }
  const db = getDb();
  const burndownStart = new Date(utcDay(now) - (BURNDOWN_DAYS - 1) * DAY_MS);
  const runsStart = new Date(weekStart(now) - (RUN_WEEKS - 1) * 7 * DAY_MS);
  const today = new Date(utcDay(now));
  const [burndown, groups, components, openCounts, lastRuns, runsByDay, blockers] = await Promise.all([
    readBurndown(product.id, burndownStart, now),
    db.backlogItem.groupBy({ by: ["category", "status"], where: { productId: product.id }, _count: { _all: true } }),
    db.component.findMany({
      where: { productId: product.id },
      orderBy: { slug: "asc" },
      select: {
        id: true,
        slug: true,
        name: true,
        type: true,
        hostAccess: true,
        osContentType: true,
        placeholder: true,
        certificationStatus: true,
        registry: true,
        exceptions: { select: { kind: true, status: true, caseRef: true } },
      },
    }),
    // Open items per component counted in the database (not every link and item read into memory).
    db.$queryRaw<{ componentId: string; open: number; blockers: number }[]>`
      SELECT l."componentId"::text AS "componentId", count(*)::int AS open, count(*) FILTER (WHERE i."category" = 'critical_blocker')::int AS blockers
      FROM "ItemComponent" l JOIN "BacklogItem" i ON i."id" = l."itemId"
      WHERE i."productId" = ${product.id}::uuid AND NOT (i."status"::text = ANY(${closed}))
      GROUP BY l."componentId"`,
    // The newest run of each component, one index probe each (a nested `runs: { take: 1 }` made
    // Prisma read every run of every component and keep one per component in memory).
    db.$queryRaw<{ componentId: string; id: string; createdAt: Date; passed: boolean; architecture: string }[]>`
      SELECT c."id"::text AS "componentId", r."id"::text AS id, r."createdAt", r."passed", r."architecture"
      FROM "Component" c
      CROSS JOIN LATERAL (
        SELECT p."id", p."createdAt", p."passed", p."architecture" FROM "PreflightRun" p
        WHERE p."componentId" = c."id" ORDER BY p."createdAt" DESC, p."id" DESC LIMIT 1
      ) r
      WHERE c."productId" = ${product.id}::uuid`,
    // Runs per UTC day and outcome: the days before today from the rollup the database keeps
    // (PreflightRunDay, a row per component and day), today's up to `now` from the runs themselves,
    // so the statement reads a few hundred rows whatever the history, and runs after `now` stay out.
    db.$queryRaw<{ day: Date; passed: number; failed: number }[]>`
      SELECT d."day"::timestamp AS day, sum(d."passed")::int AS passed, sum(d."failed")::int AS failed
      FROM "PreflightRunDay" d
      WHERE d."productId" = ${product.id}::uuid AND d."day" >= ${isoDay(runsStart)}::date AND d."day" < ${isoDay(today)}::date
      GROUP BY 1
      UNION ALL
      SELECT date_trunc('day', r."createdAt"), count(*) FILTER (WHERE r."passed")::int, count(*) FILTER (WHERE NOT r."passed")::int
      FROM "PreflightRun" r
      WHERE r."productId" = ${product.id}::uuid AND r."componentId" IS NOT NULL AND r."createdAt" >= ${today} AND r."createdAt" <= ${now}
      GROUP BY 1`,
    readOpenBlockers(product.id, OVERVIEW_BLOCKERS),
  ]);
  const lastRunOf = new Map(lastRuns.map((run) => [run.componentId, run]));
  const openOf = new Map(openCounts.map((row) => [row.componentId, row]));

  const tiles = components.map((c) => {
    const open = openOf.get(c.id);
    const run = lastRunOf.get(c.id);
    const policy = policyInForce(c);
    return {
      slug: c.slug,
      name: c.name,
      type: c.type,
      placeholder: c.placeholder,
      certificationStatus: c.certificationStatus,
      certified: isCertified(c.certificationStatus),
      redHat: isRedHatRegistry(c.registry),
      policy: policy.policy,
      policyReason: policy.reason,
      openBlockers: open?.blockers ?? 0,
      openItems: open?.open ?? 0,
      lastRun: run ? { id: run.id, at: run.createdAt.toISOString(), passed: run.passed, architecture: run.architecture } : null,
    };
  });
  return {
    product: product.slug,
    components: vendorCount(tiles),
    burndown: burndownFromDeltas(burndown, now, BURNDOWN_DAYS),
    categoryStatus: categoryStatusTable(groups.map((g) => ({ category: g.category, status: g.status, count: g._count._all }))),
    runsPerWeek: runsPerWeek(
      runsByDay.flatMap((d) => [
        { createdAt: d.day, passed: true, count: d.passed },
        { createdAt: d.day, passed: false, count: d.failed },
      ]),
      now,
      RUN_WEEKS,
    ),
    tiles,
    blockers: blockers.map((b) => ({
      key: b.key,
      title: b.title,
      owner: b.assignee?.name ?? null,
      createdAt: b.createdAt.toISOString(),
      components: b.components.map((l) => l.component),
    })),
  };
}

/**
 * The burndown's figures counted in the database, as `openBlockersByDay` counts them from every item
 * and event (burndown.ts): today's open items, and per day what the window's events changed. Each
 * status or category event (with a known old value) and each item's creation in the window (its
 * creation time, or its "created" event if later) changes an item's state; the state after an
 * event is the old value of the item's next event of that field, or today's value, so the change
 * is known without replaying. A few rows, whatever the size of the backlog.
 */
async function readBurndown(productId: string, start: Date, now: Date): Promise<BurndownDeltas> {
  const db = getDb();
  const [[current], deltas] = await Promise.all([
    db.$queryRaw<{ items: number; open: number; first: Date | null }[]>`
      SELECT count(*) FILTER (WHERE NOT ("status"::text = ANY(${closed})))::int AS items,
        count(*) FILTER (WHERE NOT ("status"::text = ANY(${closed})) AND "category" = 'critical_blocker')::int AS open,
        min("createdAt") FILTER (WHERE "createdAt" <= ${now}) AS first
      FROM "BacklogItem" WHERE "productId" = ${productId}::uuid`,
    db.$queryRaw<{ day: Date; future: boolean; items: number; open: number; first: Date | null }[]>`
      WITH items AS (
        SELECT "id", "category"::text AS cat, "status"::text AS st, "createdAt" FROM "BacklogItem" WHERE "productId" = ${productId}::uuid
      ), raw AS (
        SELECT e."itemId", e."at", e."id"::text AS id, e."field", e."oldValue" #>> '{}' AS old
        FROM "ItemEvent" e JOIN items i ON i."id" = e."itemId"
        WHERE e."at" >= ${start} AND e."field" IN ('created', 'status', 'category')
      ), ev AS (
        SELECT "itemId", "at", id, "field", old FROM raw
        WHERE ("field" = 'status' AND old = ANY(${[...STATUSES]})) OR ("field" = 'category' AND old = ANY(${[...CATEGORIES]}))
        UNION ALL
        SELECT i."id", greatest(i."createdAt", m."at"), '', 'created', NULL
        FROM items i LEFT JOIN (SELECT "itemId", max("at") AS "at" FROM raw WHERE "field" = 'created' GROUP BY 1) m ON m."itemId" = i."id"
        WHERE greatest(i."createdAt", m."at") >= ${start}
      ), ranked AS (
        SELECT ev.*,
          count(*) FILTER (WHERE "field" = 'status') OVER later AS s_n,
          count(*) FILTER (WHERE "field" = 'category') OVER later AS c_n,
          count(*) FILTER (WHERE "field" = 'created') OVER later AS cr_n,
          row_number() OVER (PARTITION BY "itemId", "field" ORDER BY "at" DESC, id DESC) AS r
        FROM ev
        WINDOW later AS (PARTITION BY "itemId" ORDER BY "at" DESC, id DESC ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
      ), states AS (
        SELECT k."at", k."field", k.cr_n = 0 AS exists_after,
          CASE WHEN k.s_n = 0 THEN i.st ELSE s.old END AS st_after,
          CASE WHEN k.c_n = 0 THEN i.cat ELSE c.old END AS cat_after,
          CASE WHEN k."field" = 'status' THEN k.old WHEN k.s_n = 0 THEN i.st ELSE s.old END AS st_before,
          CASE WHEN k."field" = 'category' THEN k.old WHEN k.c_n = 0 THEN i.cat ELSE c.old END AS cat_before
        FROM ranked k JOIN items i ON i."id" = k."itemId"
        LEFT JOIN ranked s ON s."itemId" = k."itemId" AND s."field" = 'status' AND s.r = k.s_n
        LEFT JOIN ranked c ON c."itemId" = k."itemId" AND c."field" = 'category' AND c.r = k.c_n
      ), changes AS (
        SELECT "at",
          (exists_after AND NOT (st_after = ANY(${closed})))::int - (exists_after AND "field" <> 'created' AND NOT (st_before = ANY(${closed})))::int AS items,
          (exists_after AND NOT (st_after = ANY(${closed})) AND cat_after = 'critical_blocker')::int
            - (exists_after AND "field" <> 'created' AND NOT (st_before = ANY(${closed})) AND cat_before = 'critical_blocker')::int AS open
        FROM states
      )
      SELECT date_trunc('day', "at") AS day, "at" > ${now} AS future, sum(items)::int AS items, sum(open)::int AS open, min("at") AS first
      FROM changes GROUP BY 1, 2`,
  ]);
  // History starts with the first item, or an earlier event of the window (an item's events follow its creation).
  const times = [current?.first, ...deltas.filter((d) => !d.future).map((d) => d.first)].filter((t): t is Date => t instanceof Date);
  const first = times.length ? new Date(Math.min(...times.map((t) => t.getTime()))) : null;
  return { current: { items: current?.items ?? 0, open: current?.open ?? 0 }, first, deltas };
}

/** "Components certified": the vendor's own components; Red Hat's images (its scheduler) are certified already. */
function vendorCount(components: { certified: boolean; redHat: boolean }[]) {
  const ours = components.filter((c) => !c.redHat);
  return { certified: ours.filter((c) => c.certified).length, total: ours.length };
}

const ITEM_KINDS: EventKind[] = ["status", "verification", "regression", "failure"];
/** The lists of a run's diff that make feed events. */
const CHANGE_LISTS = ["newlyFailed", "newlyErrored", "newlyPassed"];
const RUN_KINDS: EventKind[] = ["failure", "regression", "verification"];

/** "What changed": item status changes, run outcomes and imports since `since` (default: a week ago), newest first. */
export async function listEvents(query: EventQuery, now = new Date()): Promise<EventFeed> {
  const since = query.since ?? new Date(now.getTime() - EVENT_WINDOW_DAYS * DAY_MS);
  const product = await findProduct(query.product);
  if (!product) {
    if (query.product) throw new AppError("not_found", `No product "${query.product}".`);
    return { product: null, since: since.toISOString(), events: [], truncated: false };
  }
  // Unfiltered, every row of a source makes at least one event, so the newest `limit` (and one to
  // tell whether there are more) of each source hold the newest `limit` events: no week is read whole.
  const take = query.component || query.kind?.length ? SOURCE_CAP : Math.min(query.limit + 1, SOURCE_CAP);
  const feed = await readFeed(product, since, query.component, query.kind, take);
  const { events, truncated } = selectFeed(feed.events, { component: query.component, kinds: query.kind }, query.limit);
  return { product: product.slug, since: since.toISOString(), events, truncated: truncated || feed.capped };
}

/**
 * How many events the unfiltered feed holds since `since`, counted in the database as
 * `itemFeedEvent`, `runFeedEvents`, `importFeedEvent` and `componentFeedEvent` make them: a status
 * change to a known status or an item a run opened; per run, one event for new failures, one for
 * regressions (failing checks it had before) and one for newly passing checks; one per import; one
 * per change of a component's certification status.
 */
export async function countEvents(productSlug: string, since: Date): Promise<number> {
  const product = await getProduct(productSlug);
  const [row] = await getDb().$queryRaw<{ count: number }[]>`
    SELECT (
      (SELECT count(*) FROM "ItemEvent" e JOIN "BacklogItem" i ON i."id" = e."itemId"
        WHERE i."productId" = ${product.id}::uuid AND e."at" >= ${since}
          AND ((e."field" = 'status' AND e."newValue" #>> '{}' = ANY(${[...STATUSES]})) OR (e."field" = 'created' AND e."runId" IS NOT NULL)))
      + (SELECT coalesce(sum(
            (EXISTS (SELECT 1 FROM jsonb_array_elements_text(coalesce(r."diff"->'newlyFailed', '[]') || coalesce(r."diff"->'newlyErrored', '[]')) f(c) WHERE coalesce(r."diff"->'added', '[]') ? f.c))::int
          + (EXISTS (SELECT 1 FROM jsonb_array_elements_text(coalesce(r."diff"->'newlyFailed', '[]') || coalesce(r."diff"->'newlyErrored', '[]')) f(c) WHERE NOT coalesce(r."diff"->'added', '[]') ? f.c))::int
          + (coalesce(r."diff"->'newlyPassed', '[]') <> '[]')::int), 0)
        FROM "PreflightRun" r
        WHERE r."productId" = ${product.id}::uuid AND r."componentId" IS NOT NULL AND r."createdAt" >= ${since} AND jsonb_typeof(r."diff") = 'object')
      + (SELECT count(*) FROM "BacklogImport" b WHERE b."productId" = ${product.id}::uuid AND b."createdAt" >= ${since})
      + (SELECT count(*) FROM "ComponentEvent" ce JOIN "Component" c ON c."id" = ce."componentId"
          WHERE c."productId" = ${product.id}::uuid AND ce."field" = 'certificationStatus' AND ce."at" >= ${since})
    )::int AS count`;
  return row?.count ?? 0;
}

async function readFeed(product: ProductRef, since: Date, component: string | undefined, kinds: EventKind[] | undefined, take: number): Promise<{ events: FeedEvent[]; capped: boolean }> {
  const db = getDb();
  const want = (sources: EventKind[]) => !kinds?.length || sources.some((k) => kinds.includes(k));
  if (component) {
    const known = await db.component.findUnique({ where: { productId_slug: { productId: product.id, slug: component } }, select: { id: true } });
    if (!known) throw new AppError("not_found", `No component "${component}" in product "${product.slug}".`);
  }
  const byComponent = component ? { components: { some: { component: { slug: component } } } } : {};
  const [itemRows, runRows, importRows, componentRows] = await Promise.all([
    want(ITEM_KINDS)
      ? db.itemEvent.findMany({
          where: {
            at: { gte: since },
            item: { productId: product.id, ...byComponent },
            OR: [{ field: "status" }, { field: "created", runId: { not: null } }],
          },
          orderBy: [{ at: "desc" }, { id: "desc" }],
          take,
          select: {
            id: true,
            at: true,
            actor: true,
            field: true,
            oldValue: true,
            newValue: true,
            note: true,
            run: { select: { id: true, architecture: true } },
            item: { select: { key: true, title: true, components: { select: { component: { select: { slug: true } } }, orderBy: { component: { slug: "asc" } } } } },
          },
        })
      : [],
    want(RUN_KINDS)
      ? db.preflightRun.findMany({
          where: {
            createdAt: { gte: since },
            productId: product.id,
            // Unassigned runs are evidence for nothing yet: they change nothing, so they are no news.
            component: component ? { slug: component } : { isNot: null },
            // Only runs that changed something make events (runFeedEvents): most runs repeat the one before.
            OR: CHANGE_LISTS.map((list) => ({ NOT: { diff: { path: [list], equals: [] } } })),
          },
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
          take,
          select: { id: true, createdAt: true, actor: true, architecture: true, diff: true, component: { select: { slug: true, name: true } } },
        })
      : [],
    want(["import"]) && !component
      ? db.backlogImport.findMany({
          where: { productId: product.id, createdAt: { gte: since } },
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
          take,
          select: { id: true, createdAt: true, actor: true, summary: true },
        })
      : [],
    want(["certification"])
      ? db.componentEvent.findMany({
          where: { at: { gte: since }, field: "certificationStatus", component: { productId: product.id, ...(component && { slug: component }) } },
          orderBy: [{ at: "desc" }, { id: "desc" }],
          take,
          select: { id: true, at: true, actor: true, oldValue: true, newValue: true, component: { select: { slug: true, name: true } } },
        })
      : [],
  ]);
  const events: FeedEvent[] = [
    ...itemRows.flatMap((row) => {
      const event = itemFeedEvent({ ...row, item: { key: row.item.key, title: row.item.title, components: row.item.components.map((l) => l.component.slug) } }, product.slug);
      return event ? [event] : [];
    }),
    ...runRows.flatMap(({ component: owner, ...row }) => (owner ? runFeedEvents({ ...row, component: owner, diff: readRunDiff(row.diff) }) : [])),
    ...importRows.map((row) => importFeedEvent(row, product.slug)),
    ...componentRows.map((row) => componentFeedEvent(row, product.slug)),
  ];
  const capped = [itemRows, runRows, importRows, componentRows].some((rows) => rows.length >= take);
  return { events, capped };
}

const REPORT_CHANGES = 200;

/** The data of the markdown status report: summary, phases, open critical blockers, the week's changes. */
export async function getStatusReport(productSlug?: string, now = new Date()): Promise<StatusReport> {
  const product = await getProduct(productSlug);
  const db = getDb();
  const since = new Date(now.getTime() - EVENT_WINDOW_DAYS * DAY_MS);
  const [summary, components, blockers, feed] = await Promise.all([
    getSummary(product.slug),
    db.component.findMany({ where: { productId: product.id }, select: { certificationStatus: true, registry: true } }),
    readOpenBlockers(product.id),
    listEvents({ product: product.slug, since, limit: REPORT_CHANGES }, now),
  ]);
  return {
    product: { slug: product.slug, name: product.name },
    generatedAt: now.toISOString(),
    since: since.toISOString(),
    categories: summary.categories,
    remainingEffort: summary.remainingEffort,
    components: vendorCount(components.map((c) => ({ certified: isCertified(c.certificationStatus), redHat: isRedHatRegistry(c.registry) }))),
    phases: summary.phases.map((p) => ({ order: p.order, name: p.name, estimateText: p.estimateText, total: p.total, done: p.done, progress: p.progress })),
    blockers: blockers.map((b) => ({ key: b.key, title: b.title, status: b.status, priority: b.priority, components: b.components.map((l) => l.component.slug) })),
    changes: feed.events,
    changesTruncated: feed.truncated,
  };
}
