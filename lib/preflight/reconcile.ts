import type { Actor } from "@/lib/auth/schema";
import { statusSchema, type Status } from "@/lib/backlog/schema";
import { requirementForCheck } from "@/lib/requirements/catalog";
import { failedCheckTitle } from "@/lib/requirements/check-meaning";
import type { ParsedCheck } from "./schema";
import { architectureText } from "@/lib/run-text";

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
//
// Pure: the reads (data.ts) and the writes (mutations.ts reconcileRun) happen around these steps:
// targetItems (which items each check speaks for, and which checks open new items), readsFor
// (what verification and reopening must know of history), then planChanges (every item's change
// and event, in one batch).

/** What reconciliation reads of a check: a parsed one at upload, a stored one at assignment. */
export type ReconcileCheck = Pick<ParsedCheck, "canonicalName" | "known" | "outcome" | "description" | "help" | "suggestion">;

export type ReconcileOutcome = { opened: string[]; reopened: string[]; verified: string[]; flagged: string[] };

export type ReconcileContext = {
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

/** An item a run's checks may speak for: linked to the run's component, or to none. */
export type Candidate = {
  id: string;
  key: string;
  status: Status;
  latestResult: string | null;
  source: string | null;
  checkNames: string[];
  components: { componentId: string }[];
};

/** One ItemEvent row, as recordItemEvents writes it. */
export type ReconcileEvent = {
  itemId: string;
  actor: string;
  field: string;
  oldValue?: string | string[];
  newValue?: string | string[];
  note: string | null;
  runId: string;
  userId: string | null;
};

/** One item's change by a run: null leaves a column as it is; `push` appends check names; `bump` increments the version. */
export type ItemUpdate = { id: string; latestResult: Result | null; status: Status | null; push: string[]; bump: 0 | 1 };

/** A new item a failed check opens: `item` stands in the plan until mutations.ts stores it and gives it its id and key. */
export type Opening = { check: ReconcileCheck; item: Candidate };

export type Touch = { item: Candidate; adopted: string | null; results: { name: string; result: Result }[]; unnamed: string[] };

/** The outcome of each of these checks in the component's newest run of each architecture that ran it. */
export type Newest = { architecture: string; name: string; outcome: string }[];

/** An item's newest status change, as history holds it (data.ts listLastStatusChanges). */
export type StatusChange = { itemId: string; runId: string | null; oldValue: unknown; newValue: unknown };

/** The lock that makes runs of one component reconcile one at a time, so two uploads cannot open the same item twice. */
export const reconcileLockKey = (componentId: string) => `reconcile:${componentId}`;

/** The check names whose candidate items a run reads: its known checks that passed, failed or errored. */
export function relevantChecks(checks: ReconcileCheck[]): ReconcileCheck[] {
  return checks.filter((check) => check.known && check.outcome !== "warned");
}

export function checkNamesOf(checks: ReconcileCheck[]): string[] {
  return [...new Set(relevantChecks(checks).map((check) => check.canonicalName))];
}

/** The ItemEvent row of a change made by this run. */
function eventOf(ctx: ReconcileContext) {
  const actor = `preflight run ${ctx.run.id.slice(0, 8)} (${ctx.actor.name})`;
  const userId = "userId" in ctx.actor ? (ctx.actor.userId ?? null) : null;
  return (itemId: string, field: string, oldValue: string | string[] | null, newValue: string | string[] | null, note?: string): ReconcileEvent => ({
    itemId,
    actor,
    field,
    oldValue: oldValue ?? undefined,
    newValue: newValue ?? undefined,
    note: note ?? null,
    runId: ctx.run.id,
    userId,
  });
}

/**
 * Every item a check of this run speaks for: all the component's items that name it. When none
 * does, a failure adopts the best unlinked item that names it, or opens a new one (`openings`, in
 * order; later checks see it as the component's item); a pass claims no item, so a passing run of
 * some other image never closes work about a different one. `candidates` is left as it was.
 */
export function targetItems(ctx: ReconcileContext, candidateRows: Candidate[]): { touches: Touch[]; openings: Opening[] } {
  const candidates = candidateRows.map((item) => ({ ...item, components: [...item.components] }));
  const isLinked = (item: Candidate) => item.components.some((link) => link.componentId === ctx.component.id);
  const names = (item: Candidate, name: string) => item.checkNames.includes(name) || (item.source?.includes(name) ?? false);
  const openings: Opening[] = [];
  const touched = new Map<Candidate, { item: Candidate; adopted: string | null; results: Touch["results"] }>();
  for (const check of relevantChecks(ctx.checks)) {
    const name = check.canonicalName;
    const result: Result = check.outcome === "errored" ? "errored" : check.outcome === "failed" ? "failed" : "passed";
    let targets = candidates.filter((item) => isLinked(item) && names(item, name));
    let adopted: Candidate | null = null;
    if (targets.length === 0) {
      if (result === "passed") continue;
      adopted = pickItem(candidates.filter((item) => !isLinked(item)), name);
      if (!adopted) {
        const item = openedItem(ctx, check, openings.length);
        candidates.push(item);
        openings.push({ check, item });
        continue;
      }
      targets = [adopted];
    }
    for (const item of targets) {
      const touch = touched.get(item) ?? { item, adopted: null, results: [] };
      if (item === adopted) {
        touch.adopted = name;
        // Later checks of this run see it as the component's item.
        item.components.push({ componentId: ctx.component.id });
      }
      touch.results.push({ name, result });
      touched.set(item, touch);
    }
  }
  const touches = [...touched.values()].map((touch) => ({ ...touch, unnamed: touch.results.map((r) => r.name).filter((name) => !touch.item.checkNames.includes(name)) }));
  return { touches, openings };
}

/** What a new item looks like in the plan, before it is stored (its id and key are placeholders). */
function openedItem(ctx: ReconcileContext, check: ReconcileCheck, index: number): Candidate {
  return {
    id: `new:${index}`,
    key: "",
    status: "not_started",
    latestResult: check.outcome === "errored" ? "errored" : "failed",
    source: sourceOf(ctx, check),
    checkNames: [check.canonicalName],
    components: [{ componentId: ctx.component.id }],
  };
}

const sourceOf = (ctx: ReconcileContext, check: ReconcileCheck) => `preflight ${check.canonicalName} (run ${ctx.run.id})`;

/** The fields of the item a failed check opens (mutations.ts adds the product, its key and the link). */
export function newItemFields(ctx: ReconcileContext, check: ReconcileCheck) {
  const requirement = requirementForCheck(check.canonicalName);
  const actions = [check.suggestion, check.help].filter((text): text is string => !!text?.trim()).map((text) => ({ text, done: false }));
  return {
    // Matching runs to items goes by checkNames and source, never by this title.
    title: failedCheckTitle(ctx.component.name, check.canonicalName, check.outcome === "errored" ? "errored" : "failed"),
    category: "critical_blocker" as const,
    priority: "P0" as const,
    status: "not_started" as const,
    latestResult: check.outcome === "errored" ? "errored" : "failed",
    source: sourceOf(ctx, check),
    description: [
      requirement ? `Requirement ${requirement.code}: ${requirement.title}.` : null,
      check.description ? `Check: ${check.description}` : null,
      `Found by preflight on \`${ctx.run.imageRef}\` (${architectureText(ctx.run.architecture)}).`,
    ]
      .filter(Boolean)
      .join("\n\n"),
    actions: actions.length ? actions : [{ text: `Make ${check.canonicalName} pass on ${ctx.component.name}`, done: false }],
    checkNames: [check.canonicalName],
    requirementCodes: requirement ? [requirement.code] : [],
    position: 10_000,
  };
}

/** The "created" event of an item a check opened, once stored. */
export function openedEvent(ctx: ReconcileContext, opening: Opening, title: string): ReconcileEvent {
  return eventOf(ctx)(opening.item.id, "created", null, title, `${opening.check.canonicalName} ${opening.check.outcome}`);
}

/**
 * Verification and reopening read history once for every touched item, not once per item: the
 * checks each verifiable item requires (their newest outcomes are read), and the items a failure
 * may reopen (their newest status change is read).
 */
export function readsFor(ctx: ReconcileContext, touches: Touch[]): { required: Map<string, string[]>; newestNames: string[]; reopenIds: string[] } {
  const verifiable = touches.filter(({ item, results }) => !PERSON_DECISIONS.has(item.status) && item.status !== "done" && results.every((r) => r.result === "passed"));
  const required = new Map(verifiable.map(({ item, unnamed }) => [item.id, [...new Set([...item.checkNames, ...unnamed])].filter((name) => !ctx.exempt.has(name))]));
  const reopening = touches.filter(({ item, results }) => !PERSON_DECISIONS.has(item.status) && item.status === "done" && results.some((r) => r.result !== "passed"));
  return { required, newestNames: [...new Set([...required.values()].flat())], reopenIds: reopening.map(({ item }) => item.id) };
}

/**
 * For each item, the status it had before an automatic verification set it done, when its newest
 * status change is such a verification (made by a run); absent when a person set it done.
 */
export function statusesBeforeVerification(changes: StatusChange[]): Map<string, Status> {
  const out = new Map<string, Status>();
  for (const last of changes) {
    if (!last.runId || last.newValue !== "done") continue;
    const before = statusSchema.safeParse(last.oldValue);
    if (before.success && before.data !== "done") out.set(last.itemId, before.data);
  }
  return out;
}

/** Every touched item's change and event, in one batch; `outcome` gets what was reopened, verified and flagged. */
export function planChanges(
  ctx: ReconcileContext,
  touches: Touch[],
  history: { required: Map<string, string[]>; newest: Newest; before: Map<string, Status> },
  outcome: ReconcileOutcome,
): { updates: ItemUpdate[]; events: ReconcileEvent[]; links: string[] } {
  const event = eventOf(ctx);
  const { required, newest, before } = history;
  const updates: ItemUpdate[] = [];
  const events: ReconcileEvent[] = [];
  const links: string[] = [];
  for (const { item, adopted, results, unnamed } of touches) {
    const itemEvents: ReconcileEvent[] = [];
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
  return { updates, events, links };
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

/**
 * True when, for every expected architecture, the newest run that ran each of the checks passed it
 * (`newest`, read once for every item of a run). Expected: the architectures a person set on the
 * component (one without a run yet holds verification back), else every architecture the component
 * has runs for among those checks.
 */
function passesEverywhere(component: ReconcileContext["component"], newest: Newest, names: string[]): boolean {
  if (names.length === 0) return false;
  const rows = newest.filter((row) => names.includes(row.name));
  const archs = component.architecturesSetBy ? component.architectures : [...new Set(rows.map((row) => row.architecture))];
  const passes = (arch: string, name: string) => rows.some((row) => row.architecture === arch && row.name === name && row.outcome === "passed");
  return archs.length > 0 && archs.every((arch) => names.every((name) => passes(arch, name)));
}
