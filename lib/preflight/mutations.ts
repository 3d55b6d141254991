import { emit } from "@/lib/outbox/mutations";
import { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/lib/auth/schema";
import { parseImageRef, type ImageRef } from "@/lib/components/image-ref";
import { resolveComponentForImage } from "@/lib/components/mutations";
import { notApplicableChecks, policyInForce } from "@/lib/components/policy";
import { getDb, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { resolveProductForWrite } from "@/lib/products/mutations";
import { decideAttachment } from "./attribution";
import { diffRuns, type DiffableRun, type RunDiff } from "./diff-runs";
import { newlyFailing, runGate, type RunGate } from "./gate";
import type { PreparedRun } from "./prepare-upload";
import { reconcileRun, type ReconcileCheck, type ReconcileOutcome } from "./reconcile";
import { connectProjectOf, submissionOf } from "./submission";

export type IngestedRun = {
  id: string;
  /** The component's slug; null while the run is unassigned. */
  component: string | null;
  unassigned: boolean;
  image: string;
  arch: string;
  preflightVersion: string;
  policy: string | null;
  passed: boolean;
  submitted: boolean;
  counts: { passed: number; failed: number; errors: number; warnings: number };
  duplicate: boolean;
  diff: StoredDiff;
  /** The CI gate (gate.ts): checks failed or errored now, and those new since the previous run. */
  gate: RunGate;
  items: ReconcileOutcome;
};

/**
 * PreflightRun.diff: diffRuns' lists, plus what the CI gate needs: the run compared with (null
 * without one) and the checks failing now that were not failing then (gate.ts newlyFailing).
 */
export type StoredDiff = RunDiff & {
  preflightVersionChanged: { from: string; to: string } | null;
  previousRunId: string | null;
  newlyFailing: string[];
};

export type IngestResult = { runs: IngestedRun[]; warnings: string[] };

/** How an upload names its component: by slug (with force), or by asking for one to be created. */
export type Attribution = { componentSlug?: string; force?: boolean; createComponent?: boolean };

const EMPTY_OUTCOME: ReconcileOutcome = { opened: [], reopened: [], verified: [], flagged: [] };

/**
 * Stores the runs of one upload and reconciles them into the backlog, all in one transaction.
 * A run attaches to the component named (refused with 409 image_mismatch when that component is
 * registered for another repository, unless forced), else to the component registered for its
 * image's repository, else to a new one when `createComponent` asks for it; otherwise it is stored
 * unassigned and changes nothing until a person assigns it. A run already stored (same component,
 * document bytes and architecture) is reported as a duplicate with its id; identical uploads racing
 * each other queue on an advisory lock, so exactly one run is stored.
 */
export async function ingestPreflightRuns(input: { runs: PreparedRun[]; productSlug?: string; actor: Actor } & Attribution): Promise<IngestResult> {
  if (input.runs.length === 0) throw new AppError("invalid", "The upload holds no results.json.");
  if (input.componentSlug && input.createComponent) throw new AppError("invalid", "Pass either component=SLUG or createComponent=true, not both.");
  return getDb().$transaction(
    async (tx) => {
      const product = await resolveProductForWrite(tx, input.productSlug);
      const warnings: string[] = [];
      const stored: IngestedRun[] = [];
      // Lock every run's identity in a fixed order, so concurrent uploads cannot deadlock.
      const keys = [...new Set(input.runs.map((run) => runKey(run.contentSha256, run.architecture ?? "unknown")))].sort();
      for (const key of keys) await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${key}))`;

      for (const run of input.runs) {
        const arch = run.architecture ?? "unknown";
        const { component, runNote } = await resolveTarget(tx, product.id, { image: run.image, kind: run.kind, label: run.fileName }, input, warnings);
        const sameRun = { productId: product.id, contentSha256: run.contentSha256, architecture: arch };
        // The same document stored before: with a component, the component's own run is a duplicate
        // and one still unassigned is that run being assigned now; without one, any earlier run of it
        // (assigned since, or still waiting) is this run.
        const earlier = await tx.preflightRun.findFirst({
          where: component ? { ...sameRun, OR: [{ componentId: component.id }, { componentId: null }] } : sameRun,
          orderBy: [...(component ? [{ componentId: { sort: "asc", nulls: "last" } } as const] : []), { createdAt: "asc" }, { id: "asc" }],
          select: { id: true, componentId: true },
        });
        if (earlier && component && earlier.componentId === null) {
          const attached = await attachStoredRun(tx, { productId: product.id, runId: earlier.id, component, runNote, actor: input.actor, label: run.fileName });
          warnings.push(...attached.warnings);
          stored.push(attached.view);
          continue;
        }
        if (earlier) {
          // A duplicate is rare: its view is read only then, so a new upload pays one lookup.
          const row = await tx.preflightRun.findUniqueOrThrow({ where: { id: earlier.id }, select: { ...RUN_VIEW_SELECT, checks: { select: GATE_CHECK_SELECT } } });
          stored.push(viewOf(row, row.checks, EMPTY_OUTCOME, true, component));
          continue;
        }
        warnings.push(...run.warnings.map((w) => `${run.fileName}: ${w}`));
        const submission = submissionOf(run.log, run.architecture);
        // An unassigned run has no history to compare with; assigning it computes the diff then.
        const diff = component ? await diffWithPrevious(tx, component.id, arch, null, run.checks, run.preflight.version) : storedDiff(null, run.checks, run.preflight.version);
        const created = await tx.preflightRun.create({
          select: RUN_VIEW_SELECT,
          data: {
            productId: product.id,
            componentId: component?.id ?? null,
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
            warnings: runNote ? [...run.warnings, runNote] : run.warnings,
            contentSha256: run.contentSha256,
            fileName: run.fileName.slice(0, 500),
            original: Buffer.from(run.original),
            certImage: run.certImage ? (run.certImage as unknown as Prisma.InputJsonValue) : Prisma.JsonNull,
            log: run.logText,
            submitted: submission.submitted,
            submissionUrls: submission.urls,
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
        if (!component) {
          stored.push(viewOf(created, run.checks, EMPTY_OUTCOME, false, null, diff));
          continue;
        }
        const applied = await applyRun(tx, { productId: product.id, component, run: { ...created, imageTag: run.image?.tag ?? null, submissionUrls: submission.urls }, checks: run.checks, actor: input.actor, label: run.fileName, diff });
        warnings.push(...applied.warnings);
        stored.push(viewOf(created, run.checks, applied.items, false, component, diff));
      }
      return { runs: stored, warnings };
    },
    { timeout: 60_000, maxWait: 30_000 },
  );
}

/**
 * Attaches a stored unassigned run to a component (named, or created from the run's image) and
 * reconciles it into the backlog then, under the same rules as an upload: a component registered
 * for another repository refuses it unless forced.
 */
export async function assignRun(input: { runId: string; productSlug?: string; actor: Actor } & Attribution): Promise<IngestResult> {
  if (!input.componentSlug === !input.createComponent) throw new AppError("invalid", 'Send either "component": "SLUG" or "createComponent": true.');
  return getDb().$transaction(
    async (tx) => {
      const product = await resolveProductForWrite(tx, input.productSlug);
      const run = await tx.preflightRun.findFirst({
        where: { id: input.runId, productId: product.id },
        select: { id: true, componentId: true, imageRef: true, kind: true, architecture: true, contentSha256: true, component: { select: { slug: true } } },
      });
      if (!run) throw new AppError("not_found", `No preflight run ${input.runId} in product "${product.slug}".`);
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${runKey(run.contentSha256, run.architecture)}))`;
      // Re-read under the lock: a concurrent assignment of the same run has finished by now.
      const current = await tx.preflightRun.findUniqueOrThrow({ where: { id: run.id }, select: { componentId: true, component: { select: { slug: true } } } });
      if (current.componentId) throw new AppError("conflict", `Run ${run.id} is already attached to ${current.component?.slug ?? "a component"}.`);
      const warnings: string[] = [];
      const label = `run ${run.id.slice(0, 8)}`;
      const { component, runNote } = await resolveTarget(tx, product.id, { image: parseImageRef(run.imageRef), kind: run.kind, label }, input, warnings);
      if (!component) throw new AppError("invalid", "Name a component, or ask for one to be created.");
      const twin = await tx.preflightRun.findUnique({
        where: { componentId_contentSha256_architecture: { componentId: component.id, contentSha256: run.contentSha256, architecture: run.architecture } },
        select: { id: true },
      });
      if (twin) throw new AppError("conflict", `${component.slug} already holds this run (${twin.id}): the same results for ${run.architecture}.`);
      const attached = await attachStoredRun(tx, { productId: product.id, runId: run.id, component, runNote, actor: input.actor, label });
      return { runs: [attached.view], warnings: [...warnings, ...attached.warnings] };
    },
    { timeout: 60_000, maxWait: 30_000 },
  );
}

const runKey = (sha: string, arch: string) => `preflight-run:${sha}:${arch}`;

const COMPONENT_SELECT = {
  id: true,
  slug: true,
  name: true,
  type: true,
  registry: true,
  repository: true,
  hostAccess: true,
  osContentType: true,
  connectProjectId: true,
  architectures: true,
  architecturesSetBy: true,
  exceptions: { select: { kind: true, status: true, caseRef: true } },
} as const;

type TargetComponent = Prisma.ComponentGetPayload<{ select: typeof COMPONENT_SELECT }>;

const RECONCILE_CHECK_SELECT = { name: true, canonicalName: true, known: true, outcome: true, description: true, help: true, suggestion: true } as const;

type Target = { component: TargetComponent | null; /** Kept on the run for good (a forced attachment). */ runNote: string | null };

/** The component a run is evidence for, or null: stored unassigned. Notes go to `warnings`. */
async function resolveTarget(
  tx: Tx,
  productId: string,
  run: { image: Pick<ImageRef, "registry" | "repository" | "raw"> | null; kind: string; label: string },
  input: Attribution & { actor: Actor },
  warnings: string[],
): Promise<Target> {
  if (input.componentSlug) {
    const found = await tx.component.findUnique({ where: { productId_slug: { productId, slug: input.componentSlug } }, select: COMPONENT_SELECT });
    if (!found) throw new AppError("not_found", `No component "${input.componentSlug}".`);
    const decision = decideAttachment(found, run.image, { force: input.force === true, by: input.actor.name, label: run.label });
    if (decision.kind === "mismatch") throw new AppError("image_mismatch", decision.message, decision.details);
    if (decision.note) warnings.push(decision.kind === "forced" ? `${run.label}: ${decision.note}` : decision.note);
    if (decision.kind === "adopt" && run.image) {
      await tx.component.update({
        where: { id: found.id },
        data: { registry: run.image.registry, repository: run.image.repository, imageRef: run.image.raw, placeholder: false, version: { increment: 1 } },
      });
      return { component: { ...found, registry: run.image.registry, repository: run.image.repository }, runNote: null };
    }
    return { component: found, runNote: decision.kind === "forced" ? decision.note : null };
  }
  if (run.image) {
    const resolved = await resolveComponentForImage(tx, productId, run.image, { create: input.createComponent === true, kind: run.kind === "operator" ? "operator" : "container" });
    if (resolved) {
      if (resolved.created) warnings.push(`${run.label}: created component "${resolved.slug}" for ${run.image.registry}/${run.image.repository}, as asked.`);
      return { component: await tx.component.findUniqueOrThrow({ where: { id: resolved.id }, select: COMPONENT_SELECT }), runNote: null };
    }
    warnings.push(
      `${run.label}: no component is registered for ${run.image.registry}/${run.image.repository}; the run is stored unassigned and changes nothing until someone assigns it (the "To assign" list on /runs).`,
    );
    return { component: null, runNote: null };
  }
  if (input.createComponent) throw new AppError("invalid", `${run.label}: the run names no image Certboard can read, so no component can be made from it; name one with component=SLUG.`);
  warnings.push(`${run.label}: the run names no image Certboard can read; it is stored unassigned until someone assigns it.`);
  return { component: null, runNote: null };
}

/** The diff against the component's previous run of the architecture (before `before`, when given), and which run that was. */
async function diffWithPrevious(tx: Tx, componentId: string, architecture: string, before: { id: string; createdAt: Date } | null, checks: ReconcileCheck[], version: string) {
  const previous = await tx.preflightRun.findFirst({
    where: { componentId, architecture, ...(before && { id: { not: before.id }, createdAt: { lte: before.createdAt } }) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    // Not its stored original or log: the diff needs its checks and its preflight version only.
    select: { id: true, preflightVersion: true, checks: { select: GATE_CHECK_SELECT } },
  });
  return storedDiff(previous, checks, version);
}

/** The diff stored on a run: against `previous`, or with no baseline (first run, unassigned run). */
function storedDiff(previous: (DiffableRun & { id: string; preflightVersion: string }) | null, checks: DiffableRun["checks"], version: string): StoredDiff {
  return {
    ...diffRuns(previous, { checks }),
    preflightVersionChanged: previous && previous.preflightVersion !== version ? { from: previous.preflightVersion, to: version } : null,
    previousRunId: previous?.id ?? null,
    newlyFailing: newlyFailing(previous, { checks }),
  };
}

const GATE_CHECK_SELECT = { canonicalName: true, outcome: true } as const;

/** Attaches a stored unassigned run to a component, as a person (or an upload naming it) asked, then applies it. */
async function attachStoredRun(tx: Tx, input: { productId: string; runId: string; component: TargetComponent; runNote: string | null; actor: Actor; label: string }) {
  const run = await tx.preflightRun.findUniqueOrThrow({
    where: { id: input.runId },
    select: { id: true, architecture: true, imageRef: true, imageTag: true, createdAt: true, policy: true, preflightVersion: true, submissionUrls: true, warnings: true },
  });
  const checks = await tx.checkResult.findMany({ where: { runId: run.id }, select: RECONCILE_CHECK_SELECT });
  const diff = await diffWithPrevious(tx, input.component.id, run.architecture, run, checks, run.preflightVersion);
  const notes = [...run.warnings, `Assigned to ${input.component.slug} by ${input.actor.name}.`, ...(input.runNote ? [input.runNote] : [])];
  const row = await tx.preflightRun.update({
    where: { id: run.id },
    data: { componentId: input.component.id, diff: diff as unknown as Prisma.InputJsonValue, warnings: notes, assignedAt: new Date(), assignedBy: input.actor.name },
    select: RUN_VIEW_SELECT,
  });
  const applied = await applyRun(tx, { productId: input.productId, component: input.component, run, checks, actor: input.actor, label: input.label, diff });
  return { view: viewOf(row, checks, applied.items, false, input.component, diff), warnings: applied.warnings };
}

/** What a run attached to its component changes: the build's tag, the Connect project, and the backlog. */
async function applyRun(
  tx: Tx,
  input: {
    productId: string;
    component: TargetComponent;
    run: { id: string; architecture: string; imageRef: string; imageTag: string | null; policy: string | null; submissionUrls: string[] };
    checks: ReconcileCheck[];
    actor: Actor;
    label: string;
    /** The diff against the previous run of this component and architecture, as stored on the run. */
    diff: StoredDiff;
  },
): Promise<{ items: ReconcileOutcome; warnings: string[] }> {
  const { component, run } = input;
  await announceRun(tx, input);
  const warnings: string[] = [];
  if (run.imageTag && run.imageTag !== "*") {
    // One INSERT … ON CONFLICT DO NOTHING: uploads of one build for several architectures race
    // here, and a read-then-insert upsert would fail the loser on the unique key.
    await tx.imageTag.createMany({ data: [{ componentId: component.id, name: run.imageTag }], skipDuplicates: true });
  }
  const project = connectProjectOf(run.submissionUrls);
  if (project && !component.connectProjectId) {
    await tx.component.update({ where: { id: component.id }, data: { connectProjectId: project, version: { increment: 1 } } });
    warnings.push(`${input.label}: ${component.slug} now has Partner Connect project ${project}, from the submitted run's preflight.log.`);
  } else if (project && component.connectProjectId !== project) {
    warnings.push(`${input.label}: preflight.log submitted to Partner Connect project ${project}, but ${component.slug} is project ${component.connectProjectId}.`);
  }
  // Checks the component's policy in force drops are evidence, not work.
  const exempt = notApplicableChecks(component);
  const extra = input.checks.filter((c) => exempt.has(c.canonicalName) && c.outcome !== "passed").map((c) => c.canonicalName);
  if (extra.length) {
    warnings.push(
      `${input.label}: preflight ran the ${run.policy ?? "unknown"} policy, but ${component.slug} is under the ${policyInForce(component).policy} policy; ${extra.join(", ")} ${extra.length === 1 ? "is" : "are"} not applicable and changed no item.`,
    );
  }
  const items = await reconcileRun(tx, {
    product: { id: input.productId },
    component,
    run: { id: run.id, architecture: run.architecture, imageRef: run.imageRef },
    checks: input.checks.filter((c) => !exempt.has(c.canonicalName)),
    exempt,
    actor: input.actor,
  });
  return { items, warnings };
}

/** run.failed and run.regressed by the CI gate's own rule (lib/preflight/gate.ts), so a pipeline and a person hear the same verdict. */
async function announceRun(tx: Tx, input: Parameters<typeof applyRun>[1]): Promise<void> {
  const { failed, regressed } = runGate({ unassigned: false, diff: input.diff, checks: input.checks, exempt: notApplicableChecks(input.component) });
  const run = { id: input.run.id, component: { slug: input.component.slug, name: input.component.name }, tag: input.run.imageTag, architecture: input.run.architecture };
  await emit(tx, input.actor, [
    ...(failed.length ? [{ type: "run.failed" as const, productId: input.productId, data: { run, failed } }] : []),
    ...(regressed.length ? [{ type: "run.regressed" as const, productId: input.productId, data: { run, regressed, previousRunId: input.diff.previousRunId } }] : []),
  ]);
}

const RUN_VIEW_SELECT = {
  id: true,
  imageRef: true,
  architecture: true,
  preflightVersion: true,
  policy: true,
  passed: true,
  submitted: true,
  passedCount: true,
  failedCount: true,
  errorCount: true,
  warningCount: true,
  diff: true,
  component: { select: { slug: true } },
} as const;

type RunRow = Prisma.PreflightRunGetPayload<{ select: typeof RUN_VIEW_SELECT }>;

/**
 * The answer for one run; `diff` when just computed, else the stored one (a duplicate's). The gate
 * leaves out the checks `component`'s policy in force does not apply, as reconciliation does.
 */
function viewOf(row: RunRow, checks: DiffableRun["checks"], items: ReconcileOutcome, duplicate: boolean, component: TargetComponent | null, diff?: StoredDiff): IngestedRun {
  const shownDiff = diff ?? (row.diff as StoredDiff);
  return {
    id: row.id,
    component: row.component?.slug ?? null,
    unassigned: row.component === null,
    image: row.imageRef,
    arch: row.architecture,
    preflightVersion: row.preflightVersion,
    policy: row.policy,
    passed: row.passed,
    submitted: row.submitted,
    counts: { passed: row.passedCount, failed: row.failedCount, errors: row.errorCount, warnings: row.warningCount },
    duplicate,
    diff: shownDiff,
    gate: runGate({ unassigned: row.component === null, diff: shownDiff, checks, exempt: component ? notApplicableChecks(component) : undefined }),
    items,
  };
}
