import { emit, emitSql, recordItemEvents } from "@/lib/outbox/mutations";
import type { OutboxInput } from "@/lib/outbox/schema";
import { randomUUID } from "node:crypto";
import { Prisma, type CheckOutcome } from "@/generated/prisma/client";
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
import { getNewestOutcomes, listLastStatusChanges, listReconcileCandidates } from "./data";
import {
  checkNamesOf,
  newItemFields,
  openedEvent,
  planChanges,
  readsFor,
  reconcileLockKey,
  statusesBeforeVerification,
  targetItems,
  type ItemUpdate,
  type ReconcileCheck,
  type ReconcileContext,
  type ReconcileOutcome,
} from "./reconcile";
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
export async function ingestPreflightRuns(
  input: { runs: PreparedRun[]; productSlug?: string; /** Already resolved by the door (productFor): not looked up again. */ product?: { id: string }; actor: Actor } & Attribution,
): Promise<IngestResult> {
  if (input.runs.length === 0) throw new AppError("invalid", "The upload holds no results.json.");
  if (input.componentSlug && input.createComponent) throw new AppError("invalid", "Pass either component=SLUG or createComponent=true, not both.");
  return getDb().$transaction(
    async (tx) => {
      const product = input.product ?? (await resolveProductForWrite(tx, input.productSlug));
      const warnings: string[] = [];
      const stored: IngestedRun[] = [];
      // Lock every run's identity in a fixed order, so concurrent uploads cannot deadlock.
      const keys = [...new Set(input.runs.map((run) => runKey(run.contentSha256, run.architecture ?? "unknown")))].sort();
      for (const key of keys) await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${key}))`;

      for (const run of input.runs) {
        const arch = run.architecture ?? "unknown";
        const { component, runNote } = await resolveTarget(tx, product.id, { image: run.image, kind: run.kind, label: run.fileName }, input, warnings);
        // The same document stored before, and the component's previous run of the architecture (the
        // diff's baseline), in one statement: a new upload pays one lookup for both. It also takes the
        // component's reconcile lock, which applyRun needs.
        const { earlier, previous } = await priorRuns(tx, { productId: product.id, contentSha256: run.contentSha256, architecture: arch, componentId: component?.id ?? null });
        if (earlier && component && earlier.componentId === null) {
          const attached = await attachStoredRun(tx, { productId: product.id, runId: earlier.id, component, runNote, actor: input.actor, label: run.fileName });
          warnings.push(...attached.warnings);
          stored.push(attached.view);
          continue;
        }
        if (earlier) {
          // A duplicate is rare: its view is read only then.
          const row = await tx.preflightRun.findUniqueOrThrow({ where: { id: earlier.id }, select: { ...RUN_VIEW_SELECT, checks: { select: GATE_CHECK_SELECT } } });
          stored.push(viewOf(row, row.checks, EMPTY_OUTCOME, true, component));
          continue;
        }
        warnings.push(...run.warnings.map((w) => `${run.fileName}: ${w}`));
        const submission = submissionOf(run.log, run.architecture);
        // An unassigned run has no history to compare with; assigning it computes the diff then.
        const diff = storedDiff(component ? previous : null, run.checks, run.preflight.version);
        const id = randomUUID();
        const imageTag = run.image?.tag ?? null;
        // The run's announcement (run.failed, run.regressed) is written by the statement that stores it.
        const announcement = component ? announcementOf({ productId: product.id, component, run: { id, imageTag, architecture: arch }, checks: run.checks, diff }) : [];
        const created = await storeRun(tx, { id, productId: product.id, component, run, architecture: arch, diff, runNote, submission, actor: input.actor, announcement });
        if (!component) {
          stored.push(viewOf(created, run.checks, EMPTY_OUTCOME, false, null, diff));
          continue;
        }
        const applied = await applyRun(tx, { productId: product.id, component, run: { ...created, imageTag, submissionUrls: submission.urls }, checks: run.checks, actor: input.actor, label: run.fileName });
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
      await lockReconcile(tx, component.id);
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

/** A component with what attribution and reconciliation read of it (COMPONENT_SELECT), in one statement. */
async function loadComponent(tx: Tx, where: Prisma.Sql): Promise<TargetComponent | null> {
  const rows = await tx.$queryRaw<TargetComponent[]>`
    SELECT c."id", c."slug", c."name", c."type"::text AS "type", c."registry", c."repository", c."hostAccess"::text AS "hostAccess",
      c."osContentType"::text AS "osContentType", c."connectProjectId", c."architectures", c."architecturesSetBy",
      COALESCE((SELECT json_agg(json_build_object('kind', e."kind", 'status', e."status", 'caseRef', e."caseRef")) FROM "ComponentException" e WHERE e."componentId" = c."id"), '[]'::json) AS "exceptions"
    FROM "Component" c WHERE ${where}`;
  return rows[0] ?? null;
}

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
    const found = await loadComponent(tx, Prisma.sql`c."productId" = ${productId}::uuid AND c."slug" = ${input.componentSlug}`);
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
      const component = await loadComponent(tx, Prisma.sql`c."id" = ${resolved.id}::uuid`);
      if (!component) throw new AppError("not_found", `No component "${resolved.slug}".`);
      return { component, runNote: null };
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
  const rows = await tx.$queryRaw<{ previous: PreviousRun | null }[]>`SELECT ${previousRunSql(componentId, architecture, before)} AS "previous"`;
  return storedDiff(rows[0]?.previous ?? null, checks, version);
}

type PreviousRun = { id: string; preflightVersion: string; checks: { canonicalName: string; outcome: CheckOutcome }[] };

/**
 * The component's newest run of the architecture (before `before`, when given) as one JSON value
 * with the checks the diff reads: not its stored original or log.
 */
function previousRunSql(componentId: string, architecture: string, before: { id: string; createdAt: Date } | null): Prisma.Sql {
  return Prisma.sql`(
    SELECT json_build_object('id', r."id", 'preflightVersion', r."preflightVersion", 'checks',
      COALESCE((SELECT json_agg(json_build_object('canonicalName', c."canonicalName", 'outcome', c."outcome")) FROM "CheckResult" c WHERE c."runId" = r."id"), '[]'::json))
    FROM "PreflightRun" r
    WHERE r."componentId" = ${componentId}::uuid AND r."architecture" = ${architecture}
      ${before ? Prisma.sql`AND r."id" <> ${before.id}::uuid AND r."createdAt" <= ${before.createdAt}` : Prisma.empty}
    ORDER BY r."createdAt" DESC, r."id" DESC LIMIT 1)`;
}

/**
 * What an upload needs to know of the runs stored before it, in one statement: the same document
 * stored before (`earlier`: with a component, the component's own run is a duplicate and one still
 * unassigned is that run being assigned now; without one, any earlier run of it is this run), and
 * the component's previous run of the architecture, the diff's baseline. With a component, it takes
 * the component's reconcile lock first (reconcileRun needs it): one round trip less than a statement
 * of its own. What it reads needs no lock: `earlier` is guarded by the run's own lock, taken before,
 * and the baseline was always read before the reconcile lock.
 */
async function priorRuns(tx: Tx, key: { productId: string; contentSha256: string; architecture: string; componentId: string | null }) {
  const { componentId } = key;
  const rows = await tx.$queryRaw<{ earlier: { id: string; componentId: string | null } | null; previous: PreviousRun | null }[]>`
    SELECT (
      SELECT json_build_object('id', r."id", 'componentId', r."componentId") FROM "PreflightRun" r
      WHERE r."productId" = ${key.productId}::uuid AND r."contentSha256" = ${key.contentSha256} AND r."architecture" = ${key.architecture}
        ${componentId ? Prisma.sql`AND (r."componentId" = ${componentId}::uuid OR r."componentId" IS NULL)` : Prisma.empty}
      ORDER BY ${componentId ? Prisma.sql`(r."componentId" IS NULL),` : Prisma.empty} r."createdAt", r."id" LIMIT 1
    ) AS "earlier", ${componentId ? previousRunSql(componentId, key.architecture, null) : Prisma.sql`NULL::json`} AS "previous"
    ${componentId ? Prisma.sql`FROM (SELECT pg_advisory_xact_lock(hashtext(${reconcileLockKey(componentId)}))) AS "lock"` : Prisma.empty}`;
  return { earlier: rows[0]?.earlier ?? null, previous: rows[0]?.previous ?? null };
}

/**
 * Stores a new run, its check results, its announcement and (for a component) its build's tag in one statement; the
 * answer is built from what was written, not read back. The tag is one INSERT … ON CONFLICT DO
 * NOTHING: uploads of one build for several architectures race there.
 */
async function storeRun(
  tx: Tx,
  input: {
    id: string;
    productId: string;
    component: TargetComponent | null;
    run: PreparedRun;
    architecture: string;
    diff: StoredDiff;
    runNote: string | null;
    submission: { submitted: boolean; urls: string[] };
    actor: Actor;
    /** Outbox events announcing the run (announcementOf), written by the same statement. */
    announcement: OutboxInput[];
  },
): Promise<RunRow> {
  const { run, component, id } = input;
  const announce = emitSql(input.actor, input.announcement);
  const checks = run.checks;
  const tag = component && run.image?.tag && run.image.tag !== "*" ? run.image.tag : null;
  const now = new Date();
  await tx.$executeRaw`
    WITH "run" AS (
      INSERT INTO "PreflightRun" ("id", "productId", "componentId", "imageRef", "imageRefNormalized", "imageTag", "imageDigest", "architecture", "kind", "policy",
        "preflightVersion", "preflightCommit", "devBuild", "passed", "certificationHash", "passedCount", "failedCount", "errorCount", "warningCount", "diff", "warnings",
        "contentSha256", "fileName", "original", "certImage", "log", "submitted", "submissionUrls", "actor", "userId", "createdAt")
      VALUES (${id}::uuid, ${input.productId}::uuid, ${component?.id ?? null}::uuid, ${run.imageRaw ?? ""}, ${run.image?.normalized ?? run.imageRaw ?? ""}, ${run.image?.tag ?? null},
        ${run.imageDigest ?? run.image?.digest ?? null}, ${input.architecture}, ${run.kind}, ${run.policy}, ${run.preflight.version}, ${run.preflight.commit}, ${run.preflight.devBuild},
        ${run.passed}, ${run.certificationHash}, ${run.counts.passed}, ${run.counts.failed}, ${run.counts.errors}, ${run.counts.warnings}, ${JSON.stringify(input.diff)}::jsonb,
        ${input.runNote ? [...run.warnings, input.runNote] : run.warnings}::text[], ${run.contentSha256}, ${run.fileName.slice(0, 500)}, ${Buffer.from(run.original)},
        ${JSON.stringify(run.certImage ?? null)}::jsonb, ${run.logText}, ${input.submission.submitted}, ${input.submission.urls}::text[], ${input.actor.name},
        ${"userId" in input.actor ? (input.actor.userId ?? null) : null}::uuid, ${now})
      RETURNING "id"
    ), "checks" AS (
      INSERT INTO "CheckResult" ("id", "runId", "name", "canonicalName", "known", "outcome", "elapsedMs", "description", "help", "suggestion", "knowledgebaseUrl", "checkUrl")
      SELECT c."id", "run"."id", c."name", c."canonicalName", c."known", c."outcome"::"CheckOutcome", c."elapsedMs", c."description", c."help", c."suggestion", c."knowledgebaseUrl", c."checkUrl"
      FROM "run", unnest(${checks.map(() => randomUUID())}::uuid[], ${checks.map((c) => c.name)}::text[], ${checks.map((c) => c.canonicalName)}::text[],
        ${checks.map((c) => c.known)}::boolean[], ${checks.map((c) => c.outcome)}::text[], ${checks.map((c) => c.elapsedMs)}::float8[], ${checks.map((c) => c.description)}::text[],
        ${checks.map((c) => c.help)}::text[], ${checks.map((c) => c.suggestion)}::text[], ${checks.map((c) => c.knowledgebaseUrl)}::text[], ${checks.map((c) => c.checkUrl)}::text[])
        AS c("id", "name", "canonicalName", "known", "outcome", "elapsedMs", "description", "help", "suggestion", "knowledgebaseUrl", "checkUrl")
    )${announce ? Prisma.sql`, "announce" AS (${announce})` : Prisma.empty}
    INSERT INTO "ImageTag" ("id", "componentId", "name", "addedAt")
    SELECT ${randomUUID()}::uuid, ${component?.id ?? null}::uuid, ${tag}, ${now} FROM "run" WHERE ${tag}::text IS NOT NULL
    ON CONFLICT DO NOTHING`;
  return {
    id,
    imageRef: run.imageRaw ?? "",
    architecture: input.architecture,
    preflightVersion: run.preflight.version,
    policy: run.policy,
    passed: run.passed,
    submitted: input.submission.submitted,
    passedCount: run.counts.passed,
    failedCount: run.counts.failed,
    errorCount: run.counts.errors,
    warningCount: run.counts.warnings,
    diff: input.diff as unknown as Prisma.JsonValue,
    component: component ? { slug: component.slug } : null,
  };
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
  if (run.imageTag && run.imageTag !== "*") {
    // One INSERT … ON CONFLICT DO NOTHING, as storeRun does: a read-then-insert would fail the loser of a race.
    await tx.imageTag.createMany({ data: [{ componentId: input.component.id, name: run.imageTag }], skipDuplicates: true });
  }
  // A new run is announced by the statement that stores it (storeRun); an attached one here.
  await emit(tx, input.actor, announcementOf({ productId: input.productId, component: input.component, run, checks, diff }));
  const applied = await applyRun(tx, { productId: input.productId, component: input.component, run, checks, actor: input.actor, label: input.label });
  return { view: viewOf(row, checks, applied.items, false, input.component, diff), warnings: applied.warnings };
}

/** What a run attached to its component changes (besides its build's tag, stored with it): the Connect project, and the backlog. */
async function applyRun(
  tx: Tx,
  input: {
    productId: string;
    component: TargetComponent;
    run: { id: string; architecture: string; imageRef: string; imageTag: string | null; policy: string | null; submissionUrls: string[] };
    checks: ReconcileCheck[];
    actor: Actor;
    label: string;
  },
): Promise<{ items: ReconcileOutcome; warnings: string[] }> {
  const { component, run } = input;
  const warnings: string[] = [];
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
  const items = await reconcileRun(tx, input.productId, {
    component,
    run: { id: run.id, architecture: run.architecture, imageRef: run.imageRef },
    checks: input.checks.filter((c) => !exempt.has(c.canonicalName)),
    exempt,
    actor: input.actor,
  });
  return { items, warnings };
}

/** run.failed and run.regressed by the CI gate's own rule (lib/preflight/gate.ts), so a pipeline and a person hear the same verdict. */
function announcementOf(input: {
  productId: string;
  component: TargetComponent;
  run: { id: string; imageTag: string | null; architecture: string };
  checks: ReconcileCheck[];
  diff: StoredDiff;
}): OutboxInput[] {
  const { failed, regressed } = runGate({ unassigned: false, diff: input.diff, checks: input.checks, exempt: notApplicableChecks(input.component) });
  const run = { id: input.run.id, component: { slug: input.component.slug, name: input.component.name }, tag: input.run.imageTag, architecture: input.run.architecture };
  return [
    ...(failed.length ? [{ type: "run.failed" as const, productId: input.productId, data: { run, failed } }] : []),
    ...(regressed.length ? [{ type: "run.regressed" as const, productId: input.productId, data: { run, regressed, previousRunId: input.diff.previousRunId } }] : []),
  ];
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

/** Runs of one component reconcile one at a time, so two uploads cannot open the same item twice. */
async function lockReconcile(tx: Tx, componentId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${reconcileLockKey(componentId)}))`;
}

/**
 * Reconciles a stored run into the backlog (reconcile.ts decides; this reads and writes): the
 * candidate items in one statement, the items its failures open, history for verification and
 * reopening once for every touched item, then every change in one batch. The caller holds the
 * component's reconcile lock (lockReconcile; an upload takes it in priorRuns).
 */
async function reconcileRun(tx: Tx, productId: string, ctx: ReconcileContext): Promise<ReconcileOutcome> {
  const candidates = await listReconcileCandidates(tx, { productId, componentId: ctx.component.id, names: checkNamesOf(ctx.checks) });
  const { touches, openings } = targetItems(ctx, candidates);
  const outcome: ReconcileOutcome = { opened: [], reopened: [], verified: [], flagged: [] };
  for (const opening of openings) {
    const fields = newItemFields(ctx, opening.check);
    const key = await nextKey(tx, productId);
    const item = await tx.backlogItem.create({
      select: { id: true, key: true, title: true },
      data: { ...fields, productId, key, actions: fields.actions as Prisma.InputJsonValue, components: { create: { componentId: ctx.component.id } } },
    });
    // The plan's stand-in becomes the stored item, for the changes later checks of this run make to it.
    opening.item.id = item.id;
    opening.item.key = item.key;
    await recordItemEvents(tx, [openedEvent(ctx, opening, item.title)]);
    outcome.opened.push(item.key);
  }
  const { required, newestNames, reopenIds } = readsFor(ctx, touches);
  const newest = await getNewestOutcomes(tx, ctx.component.id, newestNames);
  const before = statusesBeforeVerification(await listLastStatusChanges(tx, reopenIds));
  const { updates, events, links } = planChanges(ctx, touches, { required, newest, before }, outcome);
  if (links.length) await tx.itemComponent.createMany({ data: links.map((itemId) => ({ itemId, componentId: ctx.component.id })) });
  await updateItems(tx, updates);
  await recordItemEvents(tx, events);
  return outcome;
}

/** New items from runs get keys PF-1, PF-2, … per product. */
async function nextKey(tx: Tx, productId: string): Promise<string> {
  const rows = await tx.$queryRaw<{ n: number | null }[]>`
    SELECT MAX(CAST(substring("key" FROM 4) AS integer)) AS n FROM "BacklogItem"
    WHERE "productId" = ${productId}::uuid AND "key" ~ '^PF-[0-9]{1,9}$'`;
  return `PF-${(rows[0]?.n ?? 0) + 1}`;
}

/** Every touched item's change in one statement (an item with only a flag note still gets its updatedAt). */
async function updateItems(tx: Tx, updates: ItemUpdate[]): Promise<void> {
  if (updates.length === 0) return;
  await tx.$executeRaw`
    UPDATE "BacklogItem" b SET
      "latestResult" = COALESCE(u."latestResult", b."latestResult"),
      "status" = COALESCE(u."status"::"ItemStatus", b."status"),
      "checkNames" = b."checkNames" || u."push",
      "version" = b."version" + u."bump",
      "updatedAt" = ${new Date()}
    FROM json_to_recordset(${JSON.stringify(updates)}::json) AS u("id" uuid, "latestResult" text, "status" text, "push" text[], "bump" int)
    WHERE b."id" = u."id"`;
}
