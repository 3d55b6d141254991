import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/lib/auth/schema";
import { statusSchema, type Status } from "@/lib/backlog/schema";
import type { Tx } from "@/lib/db";
import { requirementForCheck } from "@/lib/requirements/catalog";
import { failedCheckTitle } from "@/lib/requirements/check-meaning";
import type { ParsedCheck } from "./schema";
import { architectureText } from "@/lib/run-text";
import { recordItemEvents } from "@/lib/outbox/mutations";

// Machine evidence opens and confirms work; it never silently overrides a person's decision.
// A check of a stored run speaks for every item of the component that names it (checks missing from
// the run change nothing); per item, over the run's checks it names:
// - any failed/errored, no item at all → a new critical blocker (help and suggestion as its action),
//   unless an item linked to no component names the check: a failure adopts it;
// - any failed/errored, item open   → its result is recorded; its status stays as a person set it
//                                      (not started, in progress, blocked, in review);
// - any failed/errored, item done   → reopened: to the status it had before, when the "done" came
//                                      from an automatic verification, else to not_started;
// - all passed, item open           → done once every check it names passes in the newest run of
//                                      every expected architecture (a pass never adopts an item);
// - item wont_do or needs_justification → never changed: a "flagged" note is added instead.
// Every change is an event whose actor is the run, linked to it.

/** What reconciliation reads of a check: a parsed one at upload, a stored one at assignment. */
export type ReconcileCheck = Pick<ParsedCheck, "canonicalName" | "known" | "outcome" | "description" | "help" | "suggestion">;

export type ReconcileOutcome = { opened: string[]; reopened: string[]; verified: string[]; flagged: string[] };

type Context = {
  product: { id: string };
  /** `architecturesSetBy` null: the expected architectures are those the component has runs for. */
  component: { id: string; slug: string; name: string; architectures: string[]; architecturesSetBy: string | null };
  run: { id: string; architecture: string; imageRef: string };
  checks: ReconcileCheck[];
  /** Checks the component's policy in force drops: they never hold an item's verification back. */
  exempt: ReadonlySet<string>;
  actor: Actor;
};

const PERSON_DECISIONS = new Set(["wont_do", "needs_justification"]);

type Result = "passed" | "failed" | "errored";
type Touch = { item: Candidate; adopted: string | null; results: { name: string; result: Result }[] };

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
  const isLinked = (item: Candidate) => item.components.some((link) => link.componentId === ctx.component.id);
  const names = (item: Candidate, name: string) => item.checkNames.includes(name) || (item.source?.includes(name) ?? false);

  // Every item a check of this run speaks for: all the component's items that name it. When none
  // does, a failure adopts the best unlinked item that names it, or opens a new one; a pass claims
  // no item, so a passing run of some other image never closes work about a different one.
  const touched = new Map<string, Touch>();
  for (const check of relevant) {
    const name = check.canonicalName;
    const result: Result = check.outcome === "errored" ? "errored" : check.outcome === "failed" ? "failed" : "passed";
    let targets = candidates.filter((item) => isLinked(item) && names(item, name));
    let adopted: Candidate | null = null;
    if (targets.length === 0) {
      if (result === "passed") continue;
      adopted = pickItem(candidates.filter((item) => !isLinked(item)), name);
      if (!adopted) {
        const opened = await openItem(tx, ctx, check, event);
        candidates.push(opened);
        outcome.opened.push(opened.key);
        continue;
      }
      targets = [adopted];
    }
    for (const item of targets) {
      const touch = touched.get(item.id) ?? { item, adopted: null, results: [] };
      if (item === adopted) {
        touch.adopted = name;
        // Later checks of this run see it as the component's item.
        item.components.push({ componentId: ctx.component.id });
      }
      touch.results.push({ name, result });
      touched.set(item.id, touch);
    }
  }

  // Verification and reopening read history: once for every touched item, not once per item.
  const touches = [...touched.values()].map((touch) => ({ ...touch, unnamed: touch.results.map((r) => r.name).filter((name) => !touch.item.checkNames.includes(name)) }));
  const verifiable = touches.filter(({ item, results }) => !PERSON_DECISIONS.has(item.status) && item.status !== "done" && results.every((r) => r.result === "passed"));
  const required = new Map(verifiable.map(({ item, unnamed }) => [item.id, [...new Set([...item.checkNames, ...unnamed])].filter((name) => !ctx.exempt.has(name))]));
  const newest = await newestOutcomes(tx, ctx.component.id, [...new Set([...required.values()].flat())]);
  const reopening = touches.filter(({ item, results }) => !PERSON_DECISIONS.has(item.status) && item.status === "done" && results.some((r) => r.result !== "passed"));
  const before = await statusesBeforeVerification(tx, reopening.map(({ item }) => item.id));

  const updates: ItemUpdate[] = [];
  const events: Prisma.ItemEventCreateManyInput[] = [];
  const links: string[] = [];
  for (const { item, adopted, results, unnamed } of touches) {
    const itemEvents: Prisma.ItemEventCreateManyInput[] = [];
    const update: ItemUpdate = { id: item.id, latestResult: null, status: null, push: unnamed, bump: 0 };
    if (adopted) {
      links.push(item.id);
      itemEvents.push(event(item.id, "components", null, [ctx.component.slug], `linked by ${adopted} on ${ctx.run.architecture}`));
    }
    const failures = results.filter((r) => r.result !== "passed");
    const worst: Result = failures.some((r) => r.result === "failed") ? "failed" : failures.length ? "errored" : "passed";
    const what = (failures.length ? failures : results).map((r) => r.name).join(", ");

    if (PERSON_DECISIONS.has(item.status)) {
      itemEvents.push(event(item.id, "flagged", null, worst, `${what} ${worst} on ${ctx.run.imageRef} (${architectureText(ctx.run.architecture)}); status left as a person set it`));
      outcome.flagged.push(item.key);
    } else if (worst !== "passed") {
      if (item.latestResult !== worst) {
        update.latestResult = worst;
        itemEvents.push(event(item.id, "latestResult", item.latestResult, worst));
      }
      // Only a "done" moves: an item a person has in progress, blocked or in review keeps its status.
      if (item.status === "done") {
        const previous = before.get(item.id) ?? null;
        update.status = previous ?? "not_started";
        // The history names the run (and so its architecture) beside the note.
        const why = `${what} ${worst}`;
        const note = previous ? `${why}; back to the status it had before preflight verified it` : why;
        itemEvents.push(event(item.id, "status", "done", update.status, note));
        outcome.reopened.push(item.key);
      }
    } else if (item.status !== "done") {
      if (item.latestResult !== "passed") {
        update.latestResult = "passed";
        itemEvents.push(event(item.id, "latestResult", item.latestResult, "passed"));
      }
      // Done once every check the item is about passes on every expected architecture (checks the
      // policy in force drops do not count).
      const names = required.get(item.id) ?? [];
      if (passesEverywhere(ctx.component, newest, names)) {
        update.status = "done";
        const note = `the newest run of every architecture passes ${names.join(", ")}`;
        itemEvents.push(event(item.id, "status", item.status, "done", note));
        outcome.verified.push(item.key);
      }
    }
    const changesItem = adopted !== null || unnamed.length > 0 || update.latestResult !== null || update.status !== null;
    if (itemEvents.length === 0 && !changesItem) continue;
    if (itemEvents.some((e) => e.field !== "flagged")) update.bump = 1;
    updates.push(update);
    events.push(...itemEvents);
  }
  if (links.length) await tx.itemComponent.createMany({ data: links.map((itemId) => ({ itemId, componentId: ctx.component.id })) });
  await updateItems(tx, updates);
  await recordItemEvents(tx, events);
  return outcome;
}

/** One item's change by a run: null leaves a column as it is; `push` appends check names; `bump` increments the version. */
type ItemUpdate = { id: string; latestResult: Result | null; status: Status | null; push: string[]; bump: 0 | 1 };

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

/** Items of the product that name any of these checks (in checkNames or source), linked to this component or to none, in one statement. */
async function loadCandidates(tx: Tx, ctx: Context, names: string[]): Promise<Candidate[]> {
  if (names.length === 0) return [];
  // Prisma's `contains`: LIKE with the pattern's own wildcards escaped.
  const patterns = names.map((name) => `%${name.replace(/[\\%_]/g, "\\$&")}%`);
  const rows = await tx.$queryRaw<(Omit<Candidate, "components"> & { componentIds: string[] })[]>`
    SELECT b."id", b."key", b."status"::text AS "status", b."latestResult", b."source", b."checkNames",
      ARRAY(SELECT ic."componentId"::text FROM "ItemComponent" ic WHERE ic."itemId" = b."id") AS "componentIds"
    FROM "BacklogItem" b
    WHERE b."productId" = ${ctx.product.id}::uuid AND (b."checkNames" && ${names}::text[] OR b."source" LIKE ANY(${patterns}::text[]))
      AND (EXISTS (SELECT 1 FROM "ItemComponent" ic WHERE ic."itemId" = b."id" AND ic."componentId" = ${ctx.component.id}::uuid)
        OR NOT EXISTS (SELECT 1 FROM "ItemComponent" ic WHERE ic."itemId" = b."id"))
    ORDER BY b."position", b."key"`;
  return rows.map(({ componentIds, ...item }) => ({ ...item, components: componentIds.map((componentId) => ({ componentId })) }));
}

/**
 * The unlinked item a failure of `name` adopts: one dedicated to this check (it names only this
 * check, or names it in its source) beats one that lists it among others; then document order.
 */
function pickItem(candidates: Candidate[], name: string): Candidate | null {
  const rank = (item: Candidate) => (item.checkNames.length === 1 && item.checkNames[0] === name ? 2 : 0) + (item.source?.includes(name) ? 1 : 0);
  const matching = candidates.filter((item) => item.checkNames.includes(name) || item.source?.includes(name));
  // Array.prototype.sort is stable: equal ranks keep document order.
  return matching.sort((a, b) => rank(b) - rank(a))[0] ?? null;
}

async function openItem(tx: Tx, ctx: Context, check: ReconcileCheck, event: (itemId: string, field: string, o: unknown, n: unknown, note?: string) => Prisma.ItemEventCreateManyInput) {
  const requirement = requirementForCheck(check.canonicalName);
  const key = await nextKey(tx, ctx.product.id);
  const actions = [check.suggestion, check.help].filter((text): text is string => !!text?.trim()).map((text) => ({ text, done: false }));
  const item = await tx.backlogItem.create({
    select: { ...CANDIDATE_SELECT, title: true },
    data: {
      productId: ctx.product.id,
      key,
      // Matching runs to items goes by checkNames and source, never by this title.
      title: failedCheckTitle(ctx.component.name, check.canonicalName, check.outcome === "errored" ? "errored" : "failed"),
      category: "critical_blocker",
      priority: "P0",
      status: "not_started",
      latestResult: check.outcome === "errored" ? "errored" : "failed",
      source: `preflight ${check.canonicalName} (run ${ctx.run.id})`,
      description: [
        requirement ? `Requirement ${requirement.code}: ${requirement.title}.` : null,
        check.description ? `Check: ${check.description}` : null,
        `Found by preflight on \`${ctx.run.imageRef}\` (${architectureText(ctx.run.architecture)}).`,
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
  await recordItemEvents(tx, [event(item.id, "created", null, item.title, `${check.canonicalName} ${check.outcome}`)]);
  return item;
}

/** New items from runs get keys PF-1, PF-2, … per product. */
async function nextKey(tx: Tx, productId: string): Promise<string> {
  const rows = await tx.$queryRaw<{ n: number | null }[]>`
    SELECT MAX(CAST(substring("key" FROM 4) AS integer)) AS n FROM "BacklogItem"
    WHERE "productId" = ${productId}::uuid AND "key" ~ '^PF-[0-9]{1,9}$'`;
  return `PF-${(rows[0]?.n ?? 0) + 1}`;
}

type Newest = { architecture: string; name: string; outcome: string }[];

/** The outcome of each of these checks in the component's newest run of each architecture that ran it. */
async function newestOutcomes(tx: Tx, componentId: string, names: string[]): Promise<Newest> {
  if (names.length === 0) return [];
  return tx.$queryRaw<Newest>`
    SELECT DISTINCT ON (r."architecture", c."canonicalName") r."architecture", c."canonicalName" AS name, c."outcome"::text AS outcome
    FROM "PreflightRun" r JOIN "CheckResult" c ON c."runId" = r."id" AND c."canonicalName" = ANY(${names})
    WHERE r."componentId" = ${componentId}::uuid
    ORDER BY r."architecture", c."canonicalName", r."createdAt" DESC, r."id" DESC`;
}

/**
 * True when, for every expected architecture, the newest run that ran each of the checks passed it
 * (`newest`, read once for every item of a run). Expected: the architectures a person set on the
 * component (one without a run yet holds verification back), else every architecture the component
 * has runs for among those checks.
 */
function passesEverywhere(component: Context["component"], newest: Newest, names: string[]): boolean {
  if (names.length === 0) return false;
  const rows = newest.filter((row) => names.includes(row.name));
  const archs = component.architecturesSetBy ? component.architectures : [...new Set(rows.map((row) => row.architecture))];
  const passes = (arch: string, name: string) => rows.some((row) => row.architecture === arch && row.name === name && row.outcome === "passed");
  return archs.length > 0 && archs.every((arch) => names.every((name) => passes(arch, name)));
}

/**
 * For each item, the status it had before an automatic verification set it done, when its newest
 * status change is such a verification (made by a run); absent when a person set it done.
 */
async function statusesBeforeVerification(tx: Tx, itemIds: string[]): Promise<Map<string, Status>> {
  if (itemIds.length === 0) return new Map();
  const rows = await tx.$queryRaw<{ itemId: string; runId: string | null; oldValue: unknown; newValue: unknown }[]>`
    SELECT DISTINCT ON (e."itemId") e."itemId"::text AS "itemId", e."runId"::text AS "runId", e."oldValue", e."newValue"
    FROM "ItemEvent" e WHERE e."itemId" = ANY(${itemIds}::uuid[]) AND e."field" = 'status'
    ORDER BY e."itemId", e."at" DESC, e."id" DESC`;
  const out = new Map<string, Status>();
  for (const last of rows) {
    if (!last.runId || last.newValue !== "done") continue;
    const before = statusSchema.safeParse(last.oldValue);
    if (before.success && before.data !== "done") out.set(last.itemId, before.data);
  }
  return out;
}
