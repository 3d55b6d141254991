import "server-only";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { findProduct } from "@/lib/products/data";

const emptyToUndefined = (value: unknown) => (value === "" ? undefined : value);

export const runListQuerySchema = z.object({
  product: z.preprocess(emptyToUndefined, z.string().max(100).optional()),
  component: z.preprocess(emptyToUndefined, z.string().max(100).optional()),
  arch: z.preprocess(emptyToUndefined, z.string().max(40).optional()),
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
  component: { select: { slug: true, name: true } },
} as const;

type SummaryRow = { passedCount: number; failedCount: number; errorCount: number; warningCount: number; createdAt: Date } & Record<string, unknown>;

function toView<T extends SummaryRow>(row: T) {
  const { passedCount, failedCount, errorCount, warningCount, createdAt, ...rest } = row;
  return { ...rest, counts: { passed: passedCount, failed: failedCount, errors: errorCount, warnings: warningCount }, createdAt: createdAt.toISOString() };
}

/** Runs, newest first, for one product (and optionally one component and architecture). */
export async function listRuns(query: RunListQuery) {
  const product = await findProduct(query.product);
  if (!product) {
    if (query.product) throw new AppError("not_found", `No product "${query.product}".`);
    return { runs: [], total: 0 };
  }
  const where = {
    component: { productId: product.id, ...(query.component && { slug: query.component }) },
    ...(query.arch && { architecture: query.arch }),
  };
  const db = getDb();
  const [rows, total] = await Promise.all([
    db.preflightRun.findMany({ where, select: summarySelect, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: query.limit, skip: query.offset }),
    db.preflightRun.count({ where }),
  ]);
  return { runs: rows.map(toView), total };
}

/** One run with its checks (texts as preflight wrote them: untrusted), diff and the items it touched. */
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
      checks: { orderBy: [{ outcome: "asc" }, { canonicalName: "asc" }] },
      events: { select: { field: true, newValue: true, note: true, item: { select: { key: true, title: true, product: { select: { slug: true } } } } }, orderBy: { at: "asc" } },
    },
  });
  if (!row) throw new AppError("not_found", `No preflight run ${id}.`);
  const { checks, events, ...rest } = row;
  const items = new Map<string, { key: string; title: string; product: string; changes: string[] }>();
  for (const e of events) {
    const entry = items.get(e.item.key) ?? { key: e.item.key, title: e.item.title, product: e.item.product.slug, changes: [] };
    entry.changes.push(e.field === "created" ? "opened" : `${e.field}${e.newValue ? ` → ${JSON.stringify(e.newValue)}` : ""}`);
    items.set(e.item.key, entry);
  }
  return {
    ...toView(rest),
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
    items: [...items.values()],
  };
}
