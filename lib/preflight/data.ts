import "server-only";
import { z } from "zod";
import { getDb, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { compareRuns } from "@/lib/preflight/compare-runs";
import { findProduct, getProduct } from "@/lib/products/data";
import { emptyToUndefined } from "@/lib/query-params";
import type { Candidate, Newest, StatusChange } from "./reconcile";

export const runListQuerySchema = z.object({
  product: z.preprocess(emptyToUndefined, z.string().max(100).optional()),
  component: z.preprocess(emptyToUndefined, z.string().max(100).optional()),
  arch: z.preprocess(emptyToUndefined, z.string().max(40).optional()),
  /** true: only the runs no component holds yet ("To assign"); false: only attached runs. */
  unassigned: z.preprocess(emptyToUndefined, z.enum(["true", "false"], { error: "true or false" }).transform((v) => v === "true").optional()),
  limit: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(500).default(50)),
  offset: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(1_000_000).default(0)),
});
export type RunListQuery = z.infer<typeof runListQuerySchema>;

const summarySelect = {
  id: true,
  imageRef: true,
  architecture: true,
  kind: true,
  policy: true,
  preflightVersion: true,
  preflightCommit: true,
  devBuild: true,
  passed: true,
  passedCount: true,
  failedCount: true,
  errorCount: true,
  warningCount: true,
  diff: true,
  warnings: true,
  fileName: true,
  actor: true,
  createdAt: true,
  submitted: true,
  submissionUrls: true,
  assignedAt: true,
  assignedBy: true,
  component: { select: { slug: true, name: true } },
} as const;

type SummaryRow = { passedCount: number; failedCount: number; errorCount: number; warningCount: number; createdAt: Date; assignedAt: Date | null; component: unknown } & Record<string, unknown>;

function toView<T extends SummaryRow>(row: T) {
  const { passedCount, failedCount, errorCount, warningCount, createdAt, assignedAt, ...rest } = row;
  return {
    ...rest,
    unassigned: row.component === null,
    counts: { passed: passedCount, failed: failedCount, errors: errorCount, warnings: warningCount },
    createdAt: createdAt.toISOString(),
    assignedAt: assignedAt?.toISOString() ?? null,
  };
}

/** Runs, newest first, for one product (and optionally one component, architecture, or only the unassigned ones). */
export async function listRuns(query: RunListQuery) {
  const product = await findProduct(query.product);
  if (!product) {
    if (query.product) throw new AppError("not_found", `No product "${query.product}".`);
    return { runs: [], total: 0 };
  }
  const where = {
    productId: product.id,
    ...(query.component && { component: { slug: query.component } }),
    ...(query.unassigned === true && { componentId: null }),
    ...(query.unassigned === false && { componentId: { not: null } }),
    ...(query.arch && { architecture: query.arch }),
  };
  const db = getDb();
  const [rows, total] = await Promise.all([
    db.preflightRun.findMany({ where, select: summarySelect, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: query.limit, skip: query.offset }),
    db.preflightRun.count({ where }),
  ]);
  return { runs: rows.map(toView), total };
}

/** One run with its checks (texts as preflight wrote them: untrusted) and the item events it caused (oldest first). */
export async function getRun(id: string) {
  const row = await getDb().preflightRun.findUnique({
    where: { id },
    select: {
      ...summarySelect,
      imageRefNormalized: true,
      imageTag: true,
      imageDigest: true,
      certificationHash: true,
      contentSha256: true,
      product: { select: { slug: true } },
      checks: { orderBy: [{ outcome: "asc" }, { canonicalName: "asc" }] },
      events: { select: { actor: true, field: true, oldValue: true, newValue: true, note: true, item: { select: { key: true, title: true, product: { select: { slug: true } } } } }, orderBy: { at: "asc" } },
    },
  });
  if (!row) throw new AppError("not_found", `No preflight run ${id}.`);
  const { checks, events, product, ...rest } = row;
  return {
    ...toView(rest),
    product: product.slug,
    checks: checks.map((c) => ({
      name: c.name,
      canonicalName: c.canonicalName,
      known: c.known,
      outcome: c.outcome,
      elapsedMs: c.elapsedMs,
      description: c.description,
      help: c.help,
      suggestion: c.suggestion,
      knowledgebaseUrl: c.knowledgebaseUrl,
      checkUrl: c.checkUrl,
    })),
    events,
  };
}

const compareId = (side: string) =>
  z.preprocess(emptyToUndefined, z.string({ error: `${side}: pick a run to compare` }).pipe(z.uuid(`${side}: not a run id`)));

export const runCompareQuerySchema = z.object({
  from: compareId("from"),
  to: compareId("to"),
  product: z.preprocess(emptyToUndefined, z.string().max(100).optional()),
});
export type RunCompareQuery = z.infer<typeof runCompareQuerySchema>;

/**
 * Two runs of one product, `from` → `to`, with the checks that newly failed, errored or passed,
 * changed otherwise, or stayed the same (compare-runs.ts). Unknown ids, and runs outside `product`,
 * are not found; runs of two different products, or one run twice, are refused.
 */
export async function getRunComparison(query: RunCompareQuery) {
  if (query.from === query.to) throw new AppError("invalid", "Pick two different runs to compare.");
  const rows = await getDb().preflightRun.findMany({
    where: { id: { in: [query.from, query.to] } },
    select: {
      ...summarySelect,
      imageTag: true,
      imageDigest: true,
      product: { select: { id: true, slug: true } },
      checks: { select: { canonicalName: true, outcome: true } },
    },
  });
  const pick = (id: string) => {
    const row = rows.find((r) => r.id === id);
    if (!row || (query.product && row.product.slug !== query.product)) {
      throw new AppError("not_found", `No preflight run ${id}${query.product ? ` in product "${query.product}"` : ""}.`);
    }
    return row;
  };
  const from = pick(query.from);
  const to = pick(query.to);
  if (from.product.id !== to.product.id) {
    throw new AppError("invalid", `These runs belong to different products ("${from.product.slug}" and "${to.product.slug}"): pick two runs of the same product.`);
  }
  const side = ({ checks, ...rest }: typeof from) => ({ ...toView(rest), product: rest.product.slug, checkCount: checks.length });
  return { product: from.product.slug, from: side(from), to: side(to), comparison: compareRuns(from, to) };
}

/**
 * For each check name, the id of the newest run of the product that reported it: among the runs of
 * `components` when given (an item's own images), else among all the product's runs.
 */
export async function latestRunsOfChecks(productSlug: string, names: string[], components: string[] = []): Promise<Map<string, string>> {
  if (names.length === 0) return new Map();
  const product = await getProduct(productSlug);
  const rows = await getDb().$queryRaw<{ name: string; runId: string }[]>`
    SELECT DISTINCT ON (c."canonicalName") c."canonicalName" AS name, r."id"::text AS "runId"
    FROM "PreflightRun" r JOIN "CheckResult" c ON c."runId" = r."id" AND c."canonicalName" = ANY(${names})
    WHERE r."productId" = ${product.id}::uuid
      AND (cardinality(${components}::text[]) = 0 OR r."componentId" IN (SELECT "id" FROM "Component" WHERE "productId" = ${product.id}::uuid AND "slug" = ANY(${components})))
    ORDER BY c."canonicalName", r."createdAt" DESC, r."id" DESC`;
  return new Map(rows.map((row) => [row.name, row.runId]));
}

// ---- What reconciling a run reads (reconcile.ts), inside the upload's transaction -------------

/** Items of the product that name any of these checks (in checkNames or source), linked to this component or to none, in one statement. */
export async function listReconcileCandidates(tx: Tx, scope: { productId: string; componentId: string; names: string[] }): Promise<Candidate[]> {
  const { names } = scope;
  if (names.length === 0) return [];
  // Prisma's `contains`: LIKE with the pattern's own wildcards escaped.
  const patterns = names.map((name) => `%${name.replace(/[\\%_]/g, "\\$&")}%`);
  const rows = await tx.$queryRaw<(Omit<Candidate, "components"> & { componentIds: string[] })[]>`
    SELECT b."id", b."key", b."status"::text AS "status", b."latestResult", b."source", b."checkNames",
      ARRAY(SELECT ic."componentId"::text FROM "ItemComponent" ic WHERE ic."itemId" = b."id") AS "componentIds"
    FROM "BacklogItem" b
    WHERE b."productId" = ${scope.productId}::uuid AND (b."checkNames" && ${names}::text[] OR b."source" LIKE ANY(${patterns}::text[]))
      AND (EXISTS (SELECT 1 FROM "ItemComponent" ic WHERE ic."itemId" = b."id" AND ic."componentId" = ${scope.componentId}::uuid)
        OR NOT EXISTS (SELECT 1 FROM "ItemComponent" ic WHERE ic."itemId" = b."id"))
    ORDER BY b."position", b."key"`;
  return rows.map(({ componentIds, ...item }) => ({ ...item, components: componentIds.map((componentId) => ({ componentId })) }));
}

/** The outcome of each of these checks in the component's newest run of each architecture that ran it. */
export async function getNewestOutcomes(tx: Tx, componentId: string, names: string[]): Promise<Newest> {
  if (names.length === 0) return [];
  return tx.$queryRaw<Newest>`
    SELECT DISTINCT ON (r."architecture", c."canonicalName") r."architecture", c."canonicalName" AS name, c."outcome"::text AS outcome
    FROM "PreflightRun" r JOIN "CheckResult" c ON c."runId" = r."id" AND c."canonicalName" = ANY(${names})
    WHERE r."componentId" = ${componentId}::uuid
    ORDER BY r."architecture", c."canonicalName", r."createdAt" DESC, r."id" DESC`;
}

/** Each item's newest status change (reconcile.ts statusesBeforeVerification reads what it was before). */
export async function listLastStatusChanges(tx: Tx, itemIds: string[]): Promise<StatusChange[]> {
  if (itemIds.length === 0) return [];
  return tx.$queryRaw<StatusChange[]>`
    SELECT DISTINCT ON (e."itemId") e."itemId"::text AS "itemId", e."runId"::text AS "runId", e."oldValue", e."newValue"
    FROM "ItemEvent" e WHERE e."itemId" = ANY(${itemIds}::uuid[]) AND e."field" = 'status'
    ORDER BY e."itemId", e."at" DESC, e."id" DESC`;
}
