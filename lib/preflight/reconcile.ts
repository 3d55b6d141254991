import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/lib/auth/schema";
import type { Tx } from "@/lib/db";
import { requirementForCheck } from "@/lib/requirements/catalog";
import type { ParsedCheck } from "./schema";

// Machine evidence opens and confirms work; it never silently overrides a person's decision.
// The rules, per check of a stored run (checks missing from the run change nothing):
// - failed/errored, no item     → a new critical blocker (help and suggestion as its action);
// - failed/errored, item done   → reopened to not_started;
// - passed, item open and linked to the component → done once the newest run of every
//   architecture passes it (a pass never adopts an item linked to no component);
// - item wont_do or needs_justification → never changed: a "flagged" note is added instead.
// Every change is an event whose actor is the run, linked to it.

export type ReconcileOutcome = { opened: string[]; reopened: string[]; verified: string[]; flagged: string[] };

type Context = {
  product: { id: string };
  component: { id: string; slug: string; name: string };
  run: { id: string; architecture: string; imageRef: string };
  checks: ParsedCheck[];
  actor: Actor;
};

const PERSON_DECISIONS = new Set(["wont_do", "needs_justification"]);

export async function reconcileRun(tx: Tx, ctx: Context): Promise<ReconcileOutcome> {
  const outcome: ReconcileOutcome = { opened: [], reopened: [], verified: [], flagged: [] };
  // Runs of one component reconcile one at a time, so two uploads cannot open the same item twice.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`reconcile:${ctx.component.id}`}))`;
  const runActor = `preflight run ${ctx.run.id.slice(0, 8)} (${ctx.actor.name})`;
  const event = (itemId: string, field: string, oldValue: unknown, newValue: unknown, note?: string): Prisma.ItemEventCreateManyInput => ({
    itemId,
    actor: runActor,
    field,
    oldValue: (oldValue ?? undefined) as Prisma.InputJsonValue | undefined,
    newValue: (newValue ?? undefined) as Prisma.InputJsonValue | undefined,
    note: note ?? null,
    runId: ctx.run.id,
    userId: "userId" in ctx.actor ? (ctx.actor.userId ?? null) : null,
  });

  const relevant = ctx.checks.filter((check) => check.known && check.outcome !== "warned");
  // The candidate items of every check, read once: one statement per run, not one per check.
  const candidates = await loadCandidates(tx, ctx, [...new Set(relevant.map((check) => check.canonicalName))]);
  for (const check of relevant) {
    const name = check.canonicalName;
    const item = pickItem(candidates, ctx, name);
    const failing = check.outcome === "failed" || check.outcome === "errored";
    const result = check.outcome === "errored" ? "errored" : check.outcome;

    if (!item) {
      if (failing) {
        const opened = await openItem(tx, ctx, check, event);
        candidates.push(opened);
        outcome.opened.push(opened.key);
      }
      continue;
    }
    // A pass claims no item: an unlinked item is adopted only by a failure on this component, so a
    // passing run of some other image never closes work that was about a different one.
    const linked = item.components.some((link) => link.componentId === ctx.component.id);
    if (!failing && !linked) continue;
    const events: Prisma.ItemEventCreateManyInput[] = [];
    const data: Prisma.BacklogItemUpdateInput = {};
    if (!linked) {
      data.components = { create: { componentId: ctx.component.id } };
      events.push(event(item.id, "components", null, [ctx.component.slug], `linked by ${name} on ${ctx.run.architecture}`));
    }
    if (!item.checkNames.includes(name)) data.checkNames = { push: name };

    if (PERSON_DECISIONS.has(item.status)) {
      events.push(event(item.id, "flagged", null, result, `${name} ${result} on ${ctx.run.imageRef} (${ctx.run.architecture}); status left as a person set it`));
      outcome.flagged.push(item.key);
    } else if (failing) {
      if (item.latestResult !== result) {
        data.latestResult = result;
        events.push(event(item.id, "latestResult", item.latestResult, result));
      }
      if (item.status === "done") {
        data.status = "not_started";
        events.push(event(item.id, "status", "done", "not_started", `reopened: ${name} ${result} on ${ctx.run.architecture}`));
        outcome.reopened.push(item.key);
      }
    } else if (item.status !== "done") {
      if (item.latestResult !== "passed") {
        data.latestResult = "passed";
        events.push(event(item.id, "latestResult", item.latestResult, "passed"));
      }
      if (await passesOnEveryArchitecture(tx, ctx.component.id, name)) {
        data.status = "done";
        events.push(event(item.id, "status", item.status, "done", `verified: the newest run of every architecture passes ${name}`));
        outcome.verified.push(item.key);
      }
    }
    if (events.length === 0 && Object.keys(data).length === 0) continue;
    const changesFields = events.some((e) => e.field !== "flagged");
    await tx.backlogItem.update({ where: { id: item.id }, data: { ...data, ...(changesFields && { version: { increment: 1 } }) } });
    await tx.itemEvent.createMany({ data: events });
    // Later checks of this run see the item as it now is.
    if (!linked) item.components.push({ componentId: ctx.component.id });
    if (!item.checkNames.includes(name)) item.checkNames.push(name);
    if (typeof data.status === "string") item.status = data.status;
    if (typeof data.latestResult === "string") item.latestResult = data.latestResult;
  }
  return outcome;
}

const CANDIDATE_SELECT = {
  id: true,
  key: true,
  status: true,
  latestResult: true,
  source: true,
  checkNames: true,
  components: { select: { componentId: true } },
} as const;

type Candidate = Prisma.BacklogItemGetPayload<{ select: typeof CANDIDATE_SELECT }>;

/** Items of the product that name any of these checks (in checkNames or source), linked to this component or to none. */
async function loadCandidates(tx: Tx, ctx: Context, names: string[]): Promise<Candidate[]> {
  if (names.length === 0) return [];
  return tx.backlogItem.findMany({
    where: {
      productId: ctx.product.id,
      OR: [{ checkNames: { hasSome: names } }, ...names.map((name) => ({ source: { contains: name } }))],
      AND: [{ OR: [{ components: { some: { componentId: ctx.component.id } } }, { components: { none: {} } }] }],
    },
    select: CANDIDATE_SELECT,
    orderBy: [{ position: "asc" }, { key: "asc" }],
  });
}

/**
 * The item for (component, check) among the candidates: one dedicated to this check (it names only
 * this check, or names it in its source) beats one that lists it among others; then one already
 * linked to the component; then document order.
 */
function pickItem(candidates: Candidate[], ctx: Context, name: string): Candidate | null {
  const rank = (item: Candidate) =>
    (item.checkNames.length === 1 && item.checkNames[0] === name ? 4 : 0) +
    (item.source?.includes(name) ? 2 : 0) +
    (item.components.some((link) => link.componentId === ctx.component.id) ? 1 : 0);
  const matching = candidates.filter((item) => item.checkNames.includes(name) || item.source?.includes(name));
  // Array.prototype.sort is stable: equal ranks keep document order.
  return matching.sort((a, b) => rank(b) - rank(a))[0] ?? null;
}

async function openItem(tx: Tx, ctx: Context, check: ParsedCheck, event: (itemId: string, field: string, o: unknown, n: unknown, note?: string) => Prisma.ItemEventCreateManyInput) {
  const requirement = requirementForCheck(check.canonicalName);
  const key = await nextKey(tx, ctx.product.id);
  const verb = check.outcome === "errored" ? "errors" : "fails";
  const actions = [check.suggestion, check.help].filter((text): text is string => !!text?.trim()).map((text) => ({ text, done: false }));
  const item = await tx.backlogItem.create({
    select: { ...CANDIDATE_SELECT, title: true },
    data: {
      productId: ctx.product.id,
      key,
      title: `${requirement?.title ?? check.canonicalName}: ${check.canonicalName} ${verb} on ${ctx.component.name}`,
      category: "critical_blocker",
      priority: "P0",
      status: "not_started",
      latestResult: check.outcome === "errored" ? "errored" : "failed",
      source: `preflight ${check.canonicalName} (run ${ctx.run.id})`,
      description: [
        requirement ? `Requirement ${requirement.code}: ${requirement.title}.` : null,
        check.description ? `Check: ${check.description}` : null,
        `Found by preflight on \`${ctx.run.imageRef}\` (${ctx.run.architecture}).`,
      ]
        .filter(Boolean)
        .join("\n\n"),
      actions: (actions.length ? actions : [{ text: `Make ${check.canonicalName} pass on ${ctx.component.name}`, done: false }]) as Prisma.InputJsonValue,
      checkNames: [check.canonicalName],
      requirementCodes: requirement ? [requirement.code] : [],
      position: 10_000,
      components: { create: { componentId: ctx.component.id } },
    },
  });
  await tx.itemEvent.createMany({ data: [event(item.id, "created", null, item.title, `${check.canonicalName} ${check.outcome} on ${ctx.run.architecture}`)] });
  return item;
}

/** New items from runs get keys PF-1, PF-2, … per product. */
async function nextKey(tx: Tx, productId: string): Promise<string> {
  const rows = await tx.$queryRaw<{ n: number | null }[]>`
    SELECT MAX(CAST(substring("key" FROM 4) AS integer)) AS n FROM "BacklogItem"
    WHERE "productId" = ${productId}::uuid AND "key" ~ '^PF-[0-9]{1,9}$'`;
  return `PF-${(rows[0]?.n ?? 0) + 1}`;
}

/** True when, for every architecture with runs, the newest run that ran the check passed it. */
async function passesOnEveryArchitecture(tx: Tx, componentId: string, name: string): Promise<boolean> {
  const rows = await tx.$queryRaw<{ outcome: string }[]>`
    SELECT DISTINCT ON (r."architecture") c."outcome"::text AS outcome
    FROM "PreflightRun" r JOIN "CheckResult" c ON c."runId" = r."id" AND c."canonicalName" = ${name}
    WHERE r."componentId" = ${componentId}::uuid
    ORDER BY r."architecture", r."createdAt" DESC, r."id" DESC`;
  return rows.length > 0 && rows.every((row) => row.outcome === "passed");
}
