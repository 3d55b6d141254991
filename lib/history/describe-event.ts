import { CATEGORY_LABELS, categorySchema, STATUS_LABELS, statusSchema } from "@/lib/backlog/schema";
import { EXCEPTION_STATUS_LABELS, EXCEPTION_STATUSES, type ExceptionStatus } from "@/lib/exceptions/schema";
import { CHECK_OUTCOME_LABELS, checkOutcomeSchema } from "@/lib/preflight/schema";
import { runName, shortRunId, type RunIdentity } from "@/lib/run-text";
import { SIGN_OFF_LABELS, type SignOffStatus } from "@/lib/requirements/schema";

// An item's history, and an import's conflicts, in sentences people read: labels instead of wire
// values ("Not started", not not_started), counts and names instead of JSON, and the run behind a
// change named by what it tested. Pure, so the item page, the run page and tests share it.

/** The run behind a change made by an upload, when it still exists. */
export type EventRun = RunIdentity & { id: string };

export type DescribableEvent = {
  actor: string;
  field: string;
  oldValue: unknown;
  newValue: unknown;
  note: string | null;
  run?: EventRun | null;
};

/** Who made a change: a person or token by name, or a run (`run.id` for a link to /runs/{id}). */
export type EventAgent = { name: string; run: null } | { name: string; run: { id: string; label: string; of: string } };

export type EventWords = {
  /** What changed, as the start of a sentence: "Status changed from Done to Not started". */
  what: string;
  by: EventAgent;
  /** Why, when the event says: "HasLicense failed on amd64". */
  why: string | null;
};

const FIELD_LABELS: Record<string, string> = {
  title: "Title",
  category: "Category",
  priority: "Priority",
  status: "Status",
  latestResult: "Latest preflight result",
  statusNote: "Status note",
  effortText: "Effort",
  source: "Source",
  fileRefs: "Files",
  description: "Description",
  actions: "Required actions",
  checkNames: "Preflight checks",
  phase: "Phase",
  components: "Components",
  exception: "Exception status",
  assignee: "Owner",
  dueDate: "Due date",
  requirements: "Requirements",
};

/** A field's name in words ("Required actions" for `actions`); unknown fields are de-camelled. */
export function fieldLabel(field: string): string {
  const known = FIELD_LABELS[field];
  if (known) return known;
  const words = field.replace(/([a-z])([A-Z])/g, "$1 $2").replaceAll("_", " ").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
// Plain lines: markdown code marks (`/licenses`) would show as stray backticks.
const quote = (text: string, max = 80) => `“${clip(text.replaceAll("`", "").replace(/\s+/g, " ").trim(), max)}”`;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const isEmpty = (value: unknown) => value === null || value === undefined || value === "" || (Array.isArray(value) && value.length === 0);

type ActionValue = { text: string; done: boolean };
function actionsOf(value: unknown): ActionValue[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((a) =>
    a && typeof a === "object" && typeof (a as ActionValue).text === "string" ? [{ text: (a as ActionValue).text, done: (a as ActionValue).done === true }] : [],
  );
}
const actionCount = (actions: ActionValue[]) => `${plural(actions.length, "action")} (${actions.filter((a) => a.done).length} done)`;

const DAY = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

/** One value of a field in words: labels for enums, names for lists, a count for actions. */
export function valueText(field: string, value: unknown): string {
  if (isEmpty(value)) return "none";
  if (field === "status") return labelOf(statusSchema, STATUS_LABELS, value);
  if (field === "category") return labelOf(categorySchema, CATEGORY_LABELS, value);
  if (field === "latestResult" || field === "flagged") return labelOf(checkOutcomeSchema, CHECK_OUTCOME_LABELS, value);
  if (field === "exception" && EXCEPTION_STATUSES.includes(value as ExceptionStatus)) return EXCEPTION_STATUS_LABELS[value as ExceptionStatus];
  if (field === "signOff" && typeof value === "string" && value in SIGN_OFF_LABELS) return SIGN_OFF_LABELS[value as SignOffStatus];
  if (field === "actions") return actionCount(actionsOf(value));
  if (field === "dueDate" && typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)) return DAY.format(new Date(`${value}T00:00:00Z`));
  if (field === "description") return "a new text";
  if (field === "title" || field === "statusNote" || field === "source") return typeof value === "string" ? quote(value) : "a new value";
  if (Array.isArray(value)) return value.every((v) => typeof v === "string" || typeof v === "number") ? value.join(", ") : plural(value.length, "entry", "entries");
  if (typeof value === "string") return clip(value, 80);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return "a new value";
}

function labelOf<T extends string>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } }, labels: Record<T, string>, value: unknown): string {
  const parsed = schema.safeParse(value);
  return parsed.success ? labels[parsed.data] : String(value);
}

const LIST_FIELDS = new Set(["fileRefs", "checkNames", "components", "requirements"]);

/** "Components: added node-metrics; removed scheduler". */
function listChange(field: string, oldValue: unknown, newValue: unknown): string {
  const before = Array.isArray(oldValue) ? oldValue.map(String) : [];
  const after = Array.isArray(newValue) ? newValue.map(String) : [];
  const added = after.filter((v) => !before.includes(v));
  const removed = before.filter((v) => !after.includes(v));
  const parts = [added.length ? `added ${added.join(", ")}` : null, removed.length ? `removed ${removed.join(", ")}` : null].filter(Boolean);
  return parts.length ? `${fieldLabel(field)}: ${parts.join("; ")}` : `${fieldLabel(field)} reordered`;
}

/** One action ticked reads as itself; several changes as counts. */
function actionsChange(oldValue: unknown, newValue: unknown): string {
  const before = actionsOf(oldValue);
  const after = actionsOf(newValue);
  const old = new Map(before.map((a) => [a.text, a]));
  const now = new Map(after.map((a) => [a.text, a]));
  const changes = [
    ...after.filter((a) => !old.has(a.text)).map((a) => ({ a, verb: "added" })),
    ...before.filter((a) => !now.has(a.text)).map((a) => ({ a, verb: "removed" })),
    ...after.filter((a) => old.has(a.text) && old.get(a.text)!.done !== a.done).map((a) => ({ a, verb: a.done ? "marked done" : "marked not done" })),
  ];
  if (changes.length === 0) return "Required actions reordered";
  if (changes.length === 1) return `Required action ${quote(changes[0]!.a.text, 60)} ${changes[0]!.verb}`;
  const counts = ["marked done", "marked not done", "added", "removed"]
    .map((verb) => [verb, changes.filter((c) => c.verb === verb).length] as const)
    .filter(([, n]) => n > 0)
    .map(([verb, n]) => `${n} ${verb}`);
  return `Required actions changed: ${counts.join(", ")} (now ${after.filter((a) => a.done).length} of ${after.length} done)`;
}

/** "Status changed from Done to Not started", "Owner set to Alice", "Due date cleared (was 5 Dec 2026)". */
function fieldChange(field: string, oldValue: unknown, newValue: unknown): string {
  if (field === "actions") return actionsChange(oldValue, newValue);
  if (LIST_FIELDS.has(field)) return listChange(field, oldValue, newValue);
  const label = fieldLabel(field);
  if (field === "description") return isEmpty(newValue) ? "Description cleared" : "Description edited";
  if (isEmpty(oldValue)) return `${label} set to ${valueText(field, newValue)}`;
  if (isEmpty(newValue)) return `${label} cleared (was ${valueText(field, oldValue)})`;
  return `${label} changed from ${valueText(field, oldValue)} to ${valueText(field, newValue)}`;
}

function agentOf(event: DescribableEvent): EventAgent {
  if (!event.run) return { name: event.actor, run: null };
  const label = `run ${shortRunId(event.run.id)}`;
  const of = runName(event.run);
  return { name: `${label} of ${of}`, run: { id: event.run.id, label, of } };
}

// Older notes repeat the verb the sentence already says ("reopened: HasLicense failed on amd64").
const REDUNDANT_NOTE_START = /^(?:reopened|verified):\s*/i;

/** The words of one history event. Comments keep their own rendering (the quoted text). */
export function describeEvent(event: DescribableEvent): EventWords {
  const by = agentOf(event);
  const why = event.note ? event.note.replace(REDUNDANT_NOTE_START, "") : null;
  switch (event.field) {
    case "created":
      return { what: by.run ? "Opened" : "Created", by, why };
    case "comment":
      return { what: capitalise(event.note ?? "commented"), by, why: null };
    case "flagged":
      return { what: `Flagged (${valueText("flagged", event.newValue).toLowerCase()}), status left unchanged`, by, why: why?.replace(/; status left as a person set it$/, "") ?? null };
    case "signOff":
      return { what: `Signed off as ${valueText("signOff", event.newValue)}`, by, why };
    default:
      return { what: fieldChange(event.field, event.oldValue, event.newValue), by, why };
  }
}

/** The whole sentence: "Status changed from Done to Not started by run 1a2b3c4d of Operator image v0.1.5 (amd64): HasLicense failed." */
export function eventSentence(event: DescribableEvent): string {
  const { what, by, why } = describeEvent(event);
  return `${what} by ${by.name}${why ? `: ${why}` : ""}${/[.!?…”]$/.test(why ?? by.name) ? "" : "."}`;
}

/** The change without its agent, where the agent is plain (a run's own page): "Opened: HasLicense failed". */
export function changeText(event: DescribableEvent): string {
  const { what, why } = describeEvent(event);
  return why ? `${what}: ${why}` : what;
}

export type ConflictLike = { item: string; field: string; current: unknown; incoming: unknown };

/** An import conflict: "Required actions: kept your 3 actions (2 done), the import had 4 actions (0 done)". */
export function describeConflict(conflict: ConflictLike): string {
  const { field, current, incoming } = conflict;
  if (field === "description") return "Description: kept your edited text, the import had a different one";
  const kept = isEmpty(current) ? "kept it empty as you left it" : `kept your ${valueText(field, current)}`;
  const theirs = isEmpty(incoming) ? "the import had none" : `the import had ${valueText(field, incoming)}`;
  return `${fieldLabel(field)}: ${kept}, ${theirs}`;
}
