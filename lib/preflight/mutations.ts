import { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/lib/auth/schema";
import { guessRole, repositoryKey, slugForRepository } from "@/lib/components/image-ref";
import { getDb, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { resolveProductForWrite } from "@/lib/products/mutations";
import { notApplicableChecks, policyInForce } from "./applicability";
import { diffRuns, type RunDiff } from "./diff-runs";
import type { PreparedRun } from "./prepare-upload";
import { reconcileRun, type ReconcileOutcome } from "./reconcile";

export type IngestedRun = {
  id: string;
  component: string;
  image: string;
  arch: string;
  preflightVersion: string;
  policy: string | null;
  passed: boolean;
  counts: { passed: number; failed: number; errors: number; warnings: number };
  duplicate: boolean;
  diff: RunDiff & { preflightVersionChanged: { from: string; to: string } | null };
  items: ReconcileOutcome;
};

export type IngestResult = { runs: IngestedRun[]; warnings: string[] };

const EMPTY_OUTCOME: ReconcileOutcome = { opened: [], reopened: [], verified: [], flagged: [] };

/**
 * Stores the runs of one upload and reconciles them into the backlog, all in one transaction.
 * A run already stored (same component, document bytes and architecture) is reported as a duplicate with its
 * id; identical uploads racing each other queue on an advisory lock, so exactly one run is stored.
 */
export async function ingestPreflightRuns(input: {
  runs: PreparedRun[];
  componentSlug?: string;
  productSlug?: string;
  actor: Actor;
}): Promise<IngestResult> {
  if (input.runs.length === 0) throw new AppError("invalid", "The upload holds no results.json.");
  return getDb().$transaction(
    async (tx) => {
      const product = await resolveProductForWrite(tx, input.productSlug);
      const warnings: string[] = [];
      const stored: IngestedRun[] = [];
      // Lock every run's identity in a fixed order, so concurrent uploads cannot deadlock.
      const keys = [...new Set(input.runs.map(runKey))].sort();
      for (const key of keys) await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${key}))`;

      for (const run of input.runs) {
        const component = await attachComponent(tx, product.id, run, input.componentSlug, warnings);
        const arch = run.architecture ?? "unknown";
        const existing = await tx.preflightRun.findUnique({
          select: RUN_VIEW_SELECT,
          where: { componentId_contentSha256_architecture: { componentId: component.id, contentSha256: run.contentSha256, architecture: arch } },
        });
        if (existing) {
          stored.push(viewOf(existing, component.slug, true, EMPTY_OUTCOME));
          continue;
        }
        const previous = await tx.preflightRun.findFirst({
          where: { componentId: component.id, architecture: arch },
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
          // Not its stored original or log: the diff needs its checks and its preflight version only.
          select: { preflightVersion: true, checks: { select: { canonicalName: true, outcome: true } } },
        });
        const diff = {
          ...diffRuns(previous, run),
          preflightVersionChanged:
            previous && previous.preflightVersion !== run.preflight.version ? { from: previous.preflightVersion, to: run.preflight.version } : null,
        };
        warnings.push(...run.warnings.map((w) => `${run.fileName}: ${w}`));
        const created = await tx.preflightRun.create({
          // Not the stored original, log or checks: the answer and reconciliation need only these.
          select: RUN_VIEW_SELECT,
          data: {
            componentId: component.id,
            imageRef: run.imageRaw ?? "",
            imageRefNormalized: run.image?.normalized ?? run.imageRaw ?? "",
            imageTag: run.image?.tag ?? null,
            imageDigest: run.imageDigest ?? run.image?.digest ?? null,
            architecture: arch,
            kind: run.kind,
            policy: run.policy,
            preflightVersion: run.preflight.version,
            preflightCommit: run.preflight.commit,
            devBuild: run.preflight.devBuild,
            passed: run.passed,
            certificationHash: run.certificationHash,
            passedCount: run.counts.passed,
            failedCount: run.counts.failed,
            errorCount: run.counts.errors,
            warningCount: run.counts.warnings,
            diff: diff as unknown as Prisma.InputJsonValue,
            warnings: run.warnings,
            contentSha256: run.contentSha256,
            fileName: run.fileName.slice(0, 500),
            original: Buffer.from(run.original),
            certImage: run.certImage ? (run.certImage as unknown as Prisma.InputJsonValue) : Prisma.JsonNull,
            log: run.logText,
            actor: input.actor.name,
            userId: "userId" in input.actor ? (input.actor.userId ?? null) : null,
            checks: {
              create: run.checks.map((check) => ({
                name: check.name,
                canonicalName: check.canonicalName,
                known: check.known,
                outcome: check.outcome,
                elapsedMs: check.elapsedMs,
                description: check.description,
                help: check.help,
                suggestion: check.suggestion,
                knowledgebaseUrl: check.knowledgebaseUrl,
                checkUrl: check.checkUrl,
              })),
            },
          },
        });
        if (run.image?.tag && run.image.tag !== "*") {
          // One INSERT … ON CONFLICT DO NOTHING: uploads of one build for several architectures race
          // here, and a read-then-insert upsert would fail the loser on the unique key.
          await tx.imageTag.createMany({ data: [{ componentId: component.id, name: run.image.tag }], skipDuplicates: true });
        }
        // Checks the component's policy in force drops are evidence, not work.
        const exempt = notApplicableChecks(component);
        const extra = run.checks.filter((c) => exempt.has(c.canonicalName) && c.outcome !== "passed").map((c) => c.canonicalName);
        if (extra.length) {
          warnings.push(
            `${run.fileName}: preflight ran the ${run.policy ?? "unknown"} policy, but ${component.slug} is under the ${policyInForce(component).policy} policy; ${extra.join(", ")} ${extra.length === 1 ? "is" : "are"} not applicable and changed no item.`,
          );
        }
        const checks = run.checks.filter((c) => !exempt.has(c.canonicalName));
        const items = await reconcileRun(tx, { product, component, run: created, checks, actor: input.actor });
        stored.push(viewOf(created, component.slug, false, items, diff));
      }
      return { runs: stored, warnings };
    },
    { timeout: 60_000, maxWait: 30_000 },
  );
}

const runKey = (run: PreparedRun) => `preflight-run:${run.contentSha256}:${run.architecture ?? "unknown"}`;

const RUN_VIEW_SELECT = {
  id: true,
  imageRef: true,
  architecture: true,
  preflightVersion: true,
  policy: true,
  passed: true,
  passedCount: true,
  failedCount: true,
  errorCount: true,
  warningCount: true,
  diff: true,
} as const;

type RunRow = Prisma.PreflightRunGetPayload<{ select: typeof RUN_VIEW_SELECT }>;

function viewOf(row: RunRow, component: string, duplicate: boolean, items: ReconcileOutcome, diff?: IngestedRun["diff"]): IngestedRun {
  return {
    id: row.id,
    component,
    image: row.imageRef,
    arch: row.architecture,
    preflightVersion: row.preflightVersion,
    policy: row.policy,
    passed: row.passed,
    counts: { passed: row.passedCount, failed: row.failedCount, errors: row.errorCount, warnings: row.warningCount },
    duplicate,
    diff: diff ?? (row.diff as IngestedRun["diff"]),
    items,
  };
}

/** `component` wins; else the image's repository; else a new component, said in the warnings. */
async function attachComponent(tx: Tx, productId: string, run: PreparedRun, slug: string | undefined, warnings: string[]) {
  const select = {
    id: true,
    slug: true,
    name: true,
    type: true,
    hostAccess: true,
    osContentType: true,
    exceptions: { select: { kind: true, status: true, caseRef: true } },
  } as const;
  if (slug) {
    const found = await tx.component.findUnique({ where: { productId_slug: { productId, slug } }, select });
    if (!found) throw new AppError("not_found", `No component "${slug}".`);
    return found;
  }
  const image = run.image;
  if (!image) {
    throw new AppError("invalid", `${run.fileName}: the run names no image Certboard can read (${JSON.stringify(run.imageRaw)}); pass component=SLUG.`);
  }
  const candidates = await tx.component.findMany({ where: { productId, registry: { not: null } }, select: { ...select, registry: true, repository: true } });
  const wanted = repositoryKey(image);
  const match = candidates.find((c) => c.registry && c.repository && repositoryKey({ registry: c.registry, repository: c.repository }) === wanted);
  if (match) return match;
  const taken = new Set((await tx.component.findMany({ where: { productId }, select: { slug: true } })).map((c) => c.slug));
  const base = slugForRepository(image.repository);
  let newSlug = base;
  for (let n = 2; taken.has(newSlug); n++) newSlug = `${base}-${n}`;
  const created = await tx.component.create({
    data: {
      productId,
      slug: newSlug,
      name: base,
      type: run.kind === "operator" ? "operator_bundle" : "container",
      role: run.kind === "operator" ? "bundle" : guessRole(image.repository),
      registry: image.registry,
      repository: image.repository,
      imageRef: image.raw,
    },
    select,
  });
  warnings.push(`${run.fileName}: no component had repository ${wanted}; created component "${created.slug}".`);
  return created;
}
