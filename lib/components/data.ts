import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { CATEGORIES, CLOSED_STATUSES, type Category } from "@/lib/backlog/schema";
import { runGrid, staleness, stalenessWarnings, type BoardRun } from "@/lib/components/board";
import type { ComponentBoard } from "@/lib/components/schema";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { exceptionView } from "@/lib/exceptions/schema";
import { policyInForce } from "@/lib/preflight/applicability";
import { preflightVersionWarning } from "@/lib/preflight/releases";
import { listRequirements } from "@/lib/requirements/data";
import { countEvidence, requirementMatrix, type CheckEvidence } from "@/lib/requirements/matrix";
import { listPhasesWaitingOn } from "@/lib/phases/data";
import { getProduct } from "@/lib/products/data";

const HISTORY = 50;

/** Everything the per-component board shows, from one component's rows. */
export async function getComponentBoard(slug: string, productSlug?: string, now = new Date()): Promise<ComponentBoard> {
  const product = await getProduct(productSlug);
  const db = getDb();
  const component = await db.component.findUnique({
    where: { productId_slug: { productId: product.id, slug } },
    include: { tags: { orderBy: { name: "asc" } }, exceptions: { orderBy: { kind: "asc" } } },
  });
  if (!component) throw new AppError("not_found", `No component "${slug}" in product "${product.slug}".`);
  const [history, boardRuns, items, requirements, checks, phasesWaiting] = await Promise.all([
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
      select: { key: true, title: true, category: true, status: true, priority: true, checkNames: true, requirementCodes: true },
      orderBy: [{ priority: { sort: "asc", nulls: "last" } }, { position: "asc" }],
    }),
    listRequirements(component.type),
    latestChecks(component.id, component.type),
    listPhasesWaitingOn(component.slug, product.slug),
  ]);
  const closed = new Set<string>(CLOSED_STATUSES);
  const open = items.filter((i) => !closed.has(i.status));
  const openByCategory = Object.fromEntries(CATEGORIES.map((c) => [c, open.filter((i) => i.category === c).length])) as Record<Category, number>;
  const policy = policyInForce(component);
  const rows = requirementMatrix(requirements, { ...component, policy: policy.policy }, checks, items.map((i) => ({ ...i, open: !closed.has(i.status) })));
  const grid = runGrid(
    component.tags.map((t) => t.name),
    boardRuns,
  );
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
      version: component.version,
      policy: policy.policy,
      policyReason: policy.reason,
    },
    requirements: { rows, counts: countEvidence(rows) },
    exceptions: component.exceptions.map(exceptionView),
    phasesWaiting,
    warnings: stalenessWarnings(component.tags, boardRuns, preflightVersionWarning),
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

/**
 * For each architecture, the outcome of every check the requirement catalog of `scope` names, in
 * the newest run of that architecture that ran it (the matrix reads no other check). One short
 * index walk per (architecture, check) from the newest run back, instead of joining the
 * component's whole run history: 2 ms rather than 400 ms at 2,000 runs (npm run bench).
 */
async function latestChecks(componentId: string, scope: string): Promise<CheckEvidence[]> {
  const rows = await getDb().$queryRaw<{ checkName: string; outcome: string; runId: string; architecture: string; at: Date }[]>`
    SELECT x."canonicalName" AS "checkName", x."outcome"::text AS outcome, x."id"::text AS "runId", x."architecture", x."createdAt" AS at
    FROM (SELECT DISTINCT r."architecture" FROM "PreflightRun" r WHERE r."componentId" = ${componentId}::uuid) a
    CROSS JOIN (SELECT DISTINCT unnest(q."checkNames") AS name FROM "Requirement" q WHERE q."scope" = ${scope}) n
    CROSS JOIN LATERAL (
      SELECT r."id", r."architecture", r."createdAt", c."canonicalName", c."outcome"
      FROM "PreflightRun" r JOIN "CheckResult" c ON c."runId" = r."id" AND c."canonicalName" = n.name
      WHERE r."componentId" = ${componentId}::uuid AND r."architecture" = a."architecture"
      ORDER BY r."createdAt" DESC, r."id" DESC
      LIMIT 1
    ) x`;
  return rows;
}
