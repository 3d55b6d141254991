import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { CATEGORIES, CLOSED_STATUSES, type Category } from "@/lib/backlog/schema";
import { connectProjectUrl } from "@/lib/components/schema";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { exceptionView } from "@/lib/exceptions/schema";
import { preflightVersionWarning } from "@/lib/preflight/releases";
import { listPhasesWaitingOn } from "@/lib/phases/data";
import { getProduct } from "@/lib/products/data";
import { evaluateComponents } from "@/lib/readiness/data";
import { remainingOf } from "@/lib/readiness/remaining";
import { getRedHatView } from "@/lib/pyxis/data";
import { countEvidence, signOffView } from "@/lib/requirements/matrix";
import { NEWER_TAGS_NAMED, runGrid, staleness, stalenessWarnings, type BoardRun } from "./grid";
import { encodeCursor, RUN_PAGE, SIGN_OFF_HISTORY, TAG_PAGE, type BoardGrid, type BoardHistoryRun, type BoardPaging, type ComponentBoard, type ComponentIndexRow, type PageInfo } from "./schema";

const notFound = (slug: string, product: string) => new AppError("not_found", `No component "${slug}" in product "${product}".`);

/** The component's id, or not_found. */
async function componentId(slug: string, productSlug?: string): Promise<{ product: string; id: string }> {
  const product = await getProduct(productSlug);
  const component = await getDb().component.findUnique({ where: { productId_slug: { productId: product.id, slug } }, select: { id: true } });
  if (!component) throw notFound(slug, product.slug);
  return { product: product.slug, id: component.id };
}

/** One page of the grid alone ("Show older tags"): its tags' runs, without the rest of the board. */
export async function getBoardGridPage(slug: string, productSlug: string | undefined, paging: Partial<Pick<BoardPaging, "tags" | "limit">>): Promise<{ product: string; grid: BoardGrid }> {
  const { product, id } = await componentId(slug, productSlug);
  const [archRuns, grid] = await Promise.all([architectureRuns(id), gridPage(id, paging)]);
  return { product, grid: await gridCells(id, grid, archRuns) };
}

/** One page of the run history alone ("Show more runs"). */
export async function getBoardHistoryPage(
  slug: string,
  productSlug: string | undefined,
  paging: Partial<Pick<BoardPaging, "runs" | "runsLimit">>,
): Promise<{ product: string; history: BoardHistoryRun[]; historyPage: PageInfo }> {
  const { product, id } = await componentId(slug, productSlug);
  const history = await historyPage(id, paging.runs, paging.runsLimit ?? RUN_PAGE);
  return { product, history: history.runs, historyPage: { nextCursor: history.nextCursor, hasMore: history.nextCursor !== null } };
}

/** Everything the per-component board shows, from one component's rows: one page of the grid and of the history. */
export async function getComponentBoard(slug: string, productSlug?: string, paging: Partial<BoardPaging> = {}, now = new Date()): Promise<ComponentBoard> {
  const product = await getProduct(productSlug);
  const db = getDb();
  const component = await db.component.findUnique({
    where: { productId_slug: { productId: product.id, slug } },
    include: {
      exceptions: { orderBy: { kind: "asc" } },
      references: { select: { component: { select: { slug: true, name: true } } }, orderBy: { component: { slug: "asc" } } },
    },
  });
  if (!component) throw notFound(slug, product.slug);
  const [history, archRuns, grid, unrun, items, [evaluated], phasesWaiting, redHat] = await Promise.all([
    historyPage(component.id, paging.runs, paging.runsLimit ?? RUN_PAGE),
    architectureRuns(component.id),
    gridPage(component.id, paging),
    unrunNewerTags(component.id),
    db.backlogItem.findMany({
      where: { components: { some: { componentId: component.id } } },
      select: { key: true, title: true, category: true, status: true, priority: true },
      orderBy: [{ priority: { sort: "asc", nulls: "last" } }, { position: "asc" }],
    }),
    evaluateComponents(product, [component.id], now),
    listPhasesWaitingOn(component.slug, product.slug),
    getRedHatView(component),
  ]);
  if (!evaluated) throw notFound(slug, product.slug);
  const closed = new Set<string>(CLOSED_STATUSES);
  const open = items.filter((i) => !closed.has(i.status));
  const openByCategory = Object.fromEntries(CATEGORIES.map((c) => [c, open.filter((i) => i.category === c).length])) as Record<Category, number>;
  const rows = evaluated.rows;
  const architectures = architecturesOf(archRuns);
  const newestPerArch = architectures.map((arch) => archRuns.filter((r) => r.architecture === arch).reduce((a, b) => (b.createdAt > a.createdAt ? b : a)));
  const missingArchs = evaluated.architectures.setBy ? evaluated.architectures.list.filter((arch) => !architectures.includes(arch)) : [];
  return {
    product: product.slug,
    component: {
      slug: component.slug,
      name: component.name,
      type: component.type,
      role: component.role,
      registry: component.registry,
      repository: component.repository,
      placeholder: component.placeholder,
      certificationStatus: component.certificationStatus,
      hostAccess: component.hostAccess,
      osContentType: component.osContentType,
      owner: component.owner,
      connectProjectId: component.connectProjectId,
      connectProjectUrl: component.connectProjectId ? connectProjectUrl(component.connectProjectId) : null,
      architectures: evaluated.architectures.list,
      architecturesSetBy: evaluated.architectures.setBy,
      references: component.references.map((r) => r.component),
      version: component.version,
      policy: evaluated.policy.policy,
      policyReason: evaluated.policy.reason,
    },
    remaining: remainingOf(rows),
    requirements: { rows, counts: countEvidence(rows) },
    signOffHistory: evaluated.signOffs
      .slice(-SIGN_OFF_HISTORY)
      .reverse()
      .map((s) => ({ code: s.code, ...signOffView(s, now) })),
    signOffCount: evaluated.signOffs.length,
    exceptions: component.exceptions.map(exceptionView),
    phasesWaiting,
    redHat,
    warnings: [
      ...missingArchs.map(
        (arch) => `No run on ${arch} yet: ${arch} is an expected architecture (set by ${evaluated.architectures.setBy}), so nothing is verified until it has one.`,
      ),
      ...stalenessWarnings(unrun, newestPerArch, preflightVersionWarning),
    ],
    openByCategory,
    items: items.map(({ key, title, category, status, priority }) => ({ key, title, category, status, priority, open: !closed.has(status) })),
    grid: await gridCells(component.id, grid, archRuns),
    staleness: staleness(archRuns, now).map((s) => ({ ...s, lastRunAt: s.lastRunAt.toISOString() })),
    history: history.runs,
    historyPage: { nextCursor: history.nextCursor, hasMore: history.nextCursor !== null },
  };
}

/** Every architecture the component ran on, from its newest runs: the grid's columns. */
const architecturesOf = (archRuns: BoardRun[]) => [...new Set(archRuns.map((r) => r.architecture))].sort();

const gridPage = (componentId: string, paging: Partial<Pick<BoardPaging, "tags" | "limit">>) => tagPage(componentId, paging.tags, paging.limit ?? TAG_PAGE);

/** The grid of one page of tags: each tag's newest run on each architecture. */
async function gridCells(componentId: string, page: Awaited<ReturnType<typeof tagPage>>, archRuns: BoardRun[]): Promise<BoardGrid> {
  const architectures = architecturesOf(archRuns);
  const cells = runGrid(page.tags, architectures, await pageRuns(componentId, page.tags));
  return {
    tags: page.tags,
    architectures,
    cells: cells.map((c) => ({ ...c, run: c.run && { ...c.run, createdAt: c.run.createdAt.toISOString() } })),
    total: page.total,
    nextCursor: page.nextCursor,
    hasMore: page.nextCursor !== null,
  };
}

/** One page of the component's runs, newest first, after the run the cursor names. */
async function historyPage(componentId: string, after: [string, string] | undefined, limit: number) {
  const at = after && new Date(after[0]);
  const rows = await getDb().preflightRun.findMany({
    where: { componentId, ...(after && { OR: [{ createdAt: { lt: at } }, { createdAt: at, id: { lt: after[1] } }] }) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: {
      id: true,
      imageTag: true,
      imageDigest: true,
      architecture: true,
      passed: true,
      passedCount: true,
      failedCount: true,
      errorCount: true,
      preflightVersion: true,
      policy: true,
      createdAt: true,
      diff: true,
      actor: true,
    },
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    nextCursor: rows.length > limit && last ? encodeCursor(last.createdAt, last.id) : null,
    runs: page.map((r) => ({
      id: r.id,
      tag: r.imageTag ?? r.imageDigest,
      architecture: r.architecture,
      passed: r.passed,
      counts: { passed: r.passedCount, failed: r.failedCount, errors: r.errorCount },
      preflightVersion: r.preflightVersion,
      policy: r.policy,
      actor: r.actor,
      createdAt: r.createdAt.toISOString(),
      diff: r.diff as { newlyFailed?: string[]; newlyPassed?: string[]; newlyErrored?: string[] } | null,
    })),
  };
}

// A tag's place in the grid is when it was first seen: its ImageTag record or its first run,
// whichever came first. That never changes afterwards, so a cursor stays valid while runs arrive
// and new tags only ever appear on the first page.
const seenTags = (componentId: string) => Prisma.sql`
  WITH seen AS (
    SELECT "name" AS tag, "addedAt" AS at FROM "ImageTag" WHERE "componentId" = ${componentId}::uuid
    UNION ALL
    SELECT COALESCE("imageTag", "imageDigest", 'untagged'), min("createdAt") FROM "PreflightRun" WHERE "componentId" = ${componentId}::uuid GROUP BY 1
  ), tags AS (SELECT tag, min(at) AS at FROM seen GROUP BY tag)`;

/** One page of the component's tags, newest first, after the tag the cursor names, and how many there are. */
async function tagPage(componentId: string, after: [string, string] | undefined, limit: number) {
  const rows = await getDb().$queryRaw<{ total: number; tag: string | null; at: Date | null }[]>`
    ${seenTags(componentId)}
    SELECT c.total, p.tag, p.at
    FROM (SELECT count(*)::int AS total FROM tags) c
    LEFT JOIN LATERAL (
      SELECT tag, at FROM tags
      WHERE ${after ? Prisma.sql`(at, tag) < (${after[0]}::timestamp, ${after[1]})` : Prisma.sql`TRUE`}
      ORDER BY at DESC, tag DESC
      LIMIT ${limit + 1}
    ) p ON TRUE
    ORDER BY p.at DESC, p.tag DESC`;
  const page = rows.filter((r): r is { total: number; tag: string; at: Date } => r.tag !== null && r.at !== null);
  const shown = page.slice(0, limit);
  const last = shown.at(-1);
  return {
    total: rows[0]?.total ?? 0,
    tags: shown.map((r) => r.tag),
    nextCursor: page.length > limit && last ? encodeCursor(last.at, last.tag) : null,
  };
}

/** Tags recorded after the component's newest run and never run since (the stale-evidence warning). */
async function unrunNewerTags(componentId: string): Promise<{ names: string[]; count: number }> {
  const rows = await getDb().$queryRaw<{ name: string; count: number }[]>`
    SELECT t."name", count(*) OVER ()::int AS count
    FROM "ImageTag" t
    WHERE t."componentId" = ${componentId}::uuid
      AND t."addedAt" > (SELECT max("createdAt") FROM "PreflightRun" WHERE "componentId" = ${componentId}::uuid)
      AND NOT EXISTS (SELECT 1 FROM "PreflightRun" r WHERE r."componentId" = ${componentId}::uuid AND r."imageTag" = t."name")
    ORDER BY t."addedAt" DESC, t."name" DESC
    LIMIT ${NEWER_TAGS_NAMED}`;
  return { names: rows.map((r) => r.name), count: rows[0]?.count ?? 0 };
}

type GridRunRow = {
  id: string;
  imageTag: string | null;
  imageDigest: string | null;
  architecture: string;
  passed: boolean;
  passedCount: number;
  failedCount: number;
  errorCount: number;
  preflightVersion: string;
  createdAt: Date;
};

const runColumns = Prisma.sql`"id", "imageTag", "imageDigest", "architecture", "passed", "passedCount", "failedCount", "errorCount", "preflightVersion", "createdAt"`;

const boardRun = (r: GridRunRow): BoardRun => ({
  id: r.id,
  imageTag: r.imageTag,
  imageDigest: r.imageDigest,
  architecture: r.architecture,
  passed: r.passed,
  counts: { passed: r.passedCount, failed: r.failedCount, errors: r.errorCount },
  preflightVersion: r.preflightVersion,
  createdAt: r.createdAt,
});

/**
 * The newest run and the newest passing run of every architecture, from the component's whole
 * history (staleness, the preflight-version warning, the grid's columns): a few rows however long it is.
 */
async function architectureRuns(componentId: string): Promise<BoardRun[]> {
  const rows = await getDb().$queryRaw<GridRunRow[]>`
    (SELECT DISTINCT ON ("architecture") ${runColumns}
       FROM "PreflightRun" WHERE "componentId" = ${componentId}::uuid
       ORDER BY "architecture", "createdAt" DESC, "id" DESC)
    UNION
    (SELECT DISTINCT ON ("architecture") ${runColumns}
       FROM "PreflightRun" WHERE "componentId" = ${componentId}::uuid AND "passed"
       ORDER BY "architecture", "createdAt" DESC, "id" DESC)`;
  return rows.map(boardRun);
}

/** The newest run of every (tag, architecture) of one page of tags. */
async function pageRuns(componentId: string, tags: string[]): Promise<BoardRun[]> {
  if (tags.length === 0) return [];
  const rows = await getDb().$queryRaw<GridRunRow[]>`
    SELECT DISTINCT ON (COALESCE("imageTag", "imageDigest", 'untagged'), "architecture") ${runColumns}
    FROM "PreflightRun"
    WHERE "componentId" = ${componentId}::uuid AND COALESCE("imageTag", "imageDigest", 'untagged') = ANY(${tags})
    ORDER BY COALESCE("imageTag", "imageDigest", 'untagged'), "architecture", "createdAt" DESC, "id" DESC`;
  return rows.map(boardRun);
}

/** Every component of a product with its open items and the newest run of each architecture, by name. */
export async function listComponentIndex(productSlug?: string): Promise<{ product: string; rows: ComponentIndexRow[] }> {
  const product = await getProduct(productSlug);
  const db = getDb();
  const closed = [...CLOSED_STATUSES];
  const [components, open, latest] = await Promise.all([
    db.component.findMany({
      where: { productId: product.id },
      select: { id: true, slug: true, name: true, type: true, registry: true, repository: true, placeholder: true, certificationStatus: true },
    }),
    db.$queryRaw<{ componentId: string; open: number }[]>`
      SELECT l."componentId"::text AS "componentId", count(*)::int AS open
      FROM "ItemComponent" l JOIN "BacklogItem" i ON i."id" = l."itemId"
      WHERE i."productId" = ${product.id}::uuid AND NOT (i."status"::text = ANY(${closed}))
      GROUP BY l."componentId"`,
    db.$queryRaw<{ componentId: string; architecture: string; id: string; passed: boolean; failed: number; errors: number; createdAt: Date }[]>`
      SELECT DISTINCT ON (r."componentId", r."architecture") r."componentId"::text AS "componentId", r."architecture", r."id"::text AS id,
        r."passed", r."failedCount" AS failed, r."errorCount" AS errors, r."createdAt"
      FROM "PreflightRun" r
      WHERE r."productId" = ${product.id}::uuid AND r."componentId" IS NOT NULL
      ORDER BY r."componentId", r."architecture", r."createdAt" DESC, r."id" DESC`,
  ]);
  const openOf = new Map(open.map((row) => [row.componentId, row.open]));
  return {
    product: product.slug,
    // By name as a person reads it (the database's collation puts "Zed" before "alpha").
    rows: components.sort((a, b) => a.name.localeCompare(b.name, "en") || a.slug.localeCompare(b.slug)).map((c) => ({
      slug: c.slug,
      name: c.name,
      type: c.type,
      image: c.placeholder || !c.repository ? null : `${c.registry}/${c.repository}`,
      certificationStatus: c.certificationStatus,
      openItems: openOf.get(c.id) ?? 0,
      latest: latest
        .filter((run) => run.componentId === c.id)
        .map((run) => ({ architecture: run.architecture, runId: run.id, passed: run.passed, failed: run.failed, errors: run.errors, createdAt: run.createdAt.toISOString() })),
    })),
  };
}
