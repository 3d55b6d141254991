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
import { countEvidence, signOffView } from "@/lib/requirements/matrix";
import { runGrid, staleness, stalenessWarnings, type BoardRun } from "./grid";
import type { ComponentBoard, ComponentIndexRow } from "./schema";

const HISTORY = 50;

/** Everything the per-component board shows, from one component's rows. */
export async function getComponentBoard(slug: string, productSlug?: string, now = new Date()): Promise<ComponentBoard> {
  const product = await getProduct(productSlug);
  const db = getDb();
  const component = await db.component.findUnique({
    where: { productId_slug: { productId: product.id, slug } },
    include: {
      tags: { orderBy: { name: "asc" } },
      exceptions: { orderBy: { kind: "asc" } },
      references: { select: { component: { select: { slug: true, name: true } } }, orderBy: { component: { slug: "asc" } } },
    },
  });
  if (!component) throw new AppError("not_found", `No component "${slug}" in product "${product.slug}".`);
  const [history, boardRuns, items, [evaluated], phasesWaiting] = await Promise.all([
    db.preflightRun.findMany({
      where: { componentId: component.id },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: HISTORY,
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
    }),
    gridRuns(component.id),
    db.backlogItem.findMany({
      where: { components: { some: { componentId: component.id } } },
      select: { key: true, title: true, category: true, status: true, priority: true },
      orderBy: [{ priority: { sort: "asc", nulls: "last" } }, { position: "asc" }],
    }),
    evaluateComponents(product, [component.id], now),
    listPhasesWaitingOn(component.slug, product.slug),
  ]);
  if (!evaluated) throw new AppError("not_found", `No component "${slug}" in product "${product.slug}".`);
  const closed = new Set<string>(CLOSED_STATUSES);
  const open = items.filter((i) => !closed.has(i.status));
  const openByCategory = Object.fromEntries(CATEGORIES.map((c) => [c, open.filter((i) => i.category === c).length])) as Record<Category, number>;
  const rows = evaluated.rows;
  const grid = runGrid(
    component.tags.map((t) => t.name),
    boardRuns,
  );
  const ranOn = new Set(boardRuns.map((r) => r.architecture));
  const missingArchs = evaluated.architectures.setBy ? evaluated.architectures.list.filter((arch) => !ranOn.has(arch)) : [];
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
    signOffHistory: [...evaluated.signOffs].reverse().map((s) => ({ code: s.code, ...signOffView(s, now) })),
    exceptions: component.exceptions.map(exceptionView),
    phasesWaiting,
    warnings: [
      ...missingArchs.map(
        (arch) => `No run on ${arch} yet: ${arch} is an expected architecture (set by ${evaluated.architectures.setBy}), so nothing is verified until it has one.`,
      ),
      ...stalenessWarnings(component.tags, boardRuns, preflightVersionWarning),
    ],
    openByCategory,
    items: items.map(({ key, title, category, status, priority }) => ({ key, title, category, status, priority, open: !closed.has(status) })),
    grid: { ...grid, cells: grid.cells.map((c) => ({ ...c, run: c.run && { ...c.run, createdAt: c.run.createdAt.toISOString() } })) },
    staleness: staleness(boardRuns, now).map((s) => ({ ...s, lastRunAt: s.lastRunAt.toISOString() })),
    history: history.map((r) => ({
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

/**
 * The runs the grid, staleness and warnings need, from the component's whole history (not only its
 * newest runs, which left older tags looking never run): the newest run of every (tag, architecture)
 * and the newest passing run of every architecture.
 */
async function gridRuns(componentId: string): Promise<BoardRun[]> {
  const columns = Prisma.sql`"id", "imageTag", "imageDigest", "architecture", "passed", "passedCount", "failedCount", "errorCount", "preflightVersion", "createdAt"`;
  const rows = await getDb().$queryRaw<GridRunRow[]>`
    (SELECT DISTINCT ON (COALESCE("imageTag", "imageDigest", ''), "architecture") ${columns}
       FROM "PreflightRun" WHERE "componentId" = ${componentId}::uuid
       ORDER BY COALESCE("imageTag", "imageDigest", ''), "architecture", "createdAt" DESC, "id" DESC)
    UNION
    (SELECT DISTINCT ON ("architecture") ${columns}
       FROM "PreflightRun" WHERE "componentId" = ${componentId}::uuid AND "passed"
       ORDER BY "architecture", "createdAt" DESC, "id" DESC)`;
  return rows.map((r) => ({
    id: r.id,
    imageTag: r.imageTag,
    imageDigest: r.imageDigest,
    architecture: r.architecture,
    passed: r.passed,
    counts: { passed: r.passedCount, failed: r.failedCount, errors: r.errorCount },
    preflightVersion: r.preflightVersion,
    createdAt: r.createdAt,
  }));
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
