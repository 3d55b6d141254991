import { CLOSED_STATUSES, STATUS_LABELS, statusSchema, type Status } from "@/lib/backlog/schema";
import { itemsUrl, itemUrl } from "@/lib/backlog/urls";
import { runUrl, type RunDiffView } from "@/lib/preflight/client";
import type { EventKind, FeedEvent } from "./schema";
import { architectureText } from "@/lib/run-text";
import { certificationStatusText } from "@/lib/components/schema";
import { componentUrl } from "./urls";

// "What changed": item history, preflight runs and backlog imports, read as one feed of events a
// project manager cares about. The kinds:
//   status        a person (or run) moved an item between statuses, not to done, not reopening;
//   verification  an item moved to done, or a run's checks passed after not passing before;
//   failure       a run opened an item, or a run's check fails that had no result before
//                 (a new check, or the first run of that image and architecture);
//   regression    a run reopened a done item, or a check that ran before fails (or errors) now;
//   import        a backlog document was imported;
//   certification a component's Red Hat certification status changed (Red Hat's catalog, or a person).

export type ItemEventRow = {
  id: string;
  at: Date;
  actor: string;
  field: string;
  oldValue: unknown;
  newValue: unknown;
  note: string | null;
  run: { id: string; architecture: string } | null;
  item: { key: string; title: string; components: string[] };
};

export type RunRow = {
  id: string;
  createdAt: Date;
  actor: string;
  architecture: string;
  component: { slug: string; name: string };
  diff: RunDiffView | null;
};

export type ImportRow = { id: string; createdAt: Date; actor: string; summary: unknown };

export type ComponentEventRow = { id: string; at: Date; actor: string; oldValue: unknown; newValue: unknown; component: { slug: string; name: string } };

const closed = new Set<string>(CLOSED_STATUSES);
const statusOf = (value: unknown): Status | null => {
  const parsed = statusSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
};
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** An item's history row as a feed event; fields the feed does not show give null. */
export function itemFeedEvent(row: ItemEventRow, product: string): FeedEvent | null {
  const base = {
    id: `item:${row.id}`,
    at: row.at.toISOString(),
    actor: row.actor,
    item: { key: row.item.key, title: row.item.title },
    run: row.run,
    components: row.item.components,
    checks: [] as string[],
    href: itemUrl(row.item.key, product),
  };
  const note = row.note ? ` (${row.note})` : "";
  if (row.field === "created") {
    if (!row.run) return null; // imports are one event each, not one per item
    return { ...base, kind: "failure", from: null, to: "not_started", summary: `Opened by preflight${note}` };
  }
  if (row.field !== "status") return null;
  const from = statusOf(row.oldValue);
  const to = statusOf(row.newValue);
  if (!to) return null;
  const change = `${from ? STATUS_LABELS[from] : "—"} → ${STATUS_LABELS[to]}`;
  let kind: EventKind = "status";
  if (to === "done") kind = "verification";
  else if (row.run && from && closed.has(from)) kind = "regression";
  const verb = kind === "verification" ? "Verified" : kind === "regression" ? "Reopened" : "Status";
  return { ...base, kind, from, to, summary: `${verb}: ${change}${note}` };
}

/** A run's diff as up to three events: new failures, regressions, newly passing checks. */
export function runFeedEvents(row: RunRow): FeedEvent[] {
  if (!row.diff) return [];
  const { diff } = row;
  const added = new Set(diff.added);
  const failing = [...new Set([...diff.newlyFailed, ...diff.newlyErrored])].sort();
  const groups: { kind: EventKind; checks: string[]; label: (n: number) => string }[] = [
    { kind: "failure", checks: failing.filter((c) => added.has(c)), label: (n) => (n === 1 ? "New failure" : `${n} new failures`) },
    { kind: "regression", checks: failing.filter((c) => !added.has(c)), label: (n) => (n === 1 ? "Regression" : `${n} regressions`) },
    { kind: "verification", checks: [...diff.newlyPassed].sort(), label: (n) => (n === 1 ? "Newly passing" : `${n} checks newly passing`) },
  ];
  const where = `${row.component.name} (${architectureText(row.architecture)})`;
  return groups
    .filter((g) => g.checks.length > 0)
    .map((g) => ({
      id: `run:${row.id}:${g.kind}`,
      kind: g.kind,
      at: row.createdAt.toISOString(),
      actor: row.actor,
      summary: `${g.label(g.checks.length)} on ${where}: ${g.checks.join(", ")}`,
      item: null,
      run: { id: row.id, architecture: row.architecture },
      components: [row.component.slug],
      checks: g.checks,
      from: null,
      to: null,
      href: runUrl(row.id),
    }));
}

export function importFeedEvent(row: ImportRow, product: string): FeedEvent {
  const summary = (row.summary ?? {}) as Record<string, unknown>;
  const count = (name: string) => (typeof summary[name] === "number" ? (summary[name] as number) : 0);
  const conflicts = Array.isArray(summary.conflicts) ? summary.conflicts.length : 0;
  const parts = [`${count("created")} created`, `${count("updated")} updated`, `${count("unchanged")} unchanged`];
  if (conflicts > 0) parts.push(plural(conflicts, "conflict"));
  return {
    id: `import:${row.id}`,
    kind: "import",
    at: row.createdAt.toISOString(),
    actor: row.actor,
    summary: `Backlog imported: ${parts.join(", ")}`,
    item: null,
    run: null,
    components: [],
    checks: [],
    from: null,
    to: null,
    href: itemsUrl({ product }),
  };
}

const certification = (value: unknown) => (typeof value === "string" ? certificationStatusText(value) : "—");

/** A change of a component's certification status (component history) as a feed event. */
export function componentFeedEvent(row: ComponentEventRow, product: string): FeedEvent {
  return {
    id: `component:${row.id}`,
    kind: "certification",
    at: row.at.toISOString(),
    actor: row.actor,
    summary: `${row.component.name}: certification status ${certification(row.oldValue)} → ${certification(row.newValue)}`,
    item: null,
    run: null,
    components: [row.component.slug],
    checks: [],
    from: null,
    to: null,
    href: componentUrl(row.component.slug, product),
  };
}

/** Newest first (ties by id, so pages are stable), filtered by component and kinds, at most `limit`. */
export function selectFeed(
  events: readonly FeedEvent[],
  filter: { component?: string; kinds?: readonly EventKind[] },
  limit: number,
): { events: FeedEvent[]; truncated: boolean } {
  const matching = events
    .filter((e) => !filter.component || e.components.includes(filter.component))
    .filter((e) => !filter.kinds?.length || filter.kinds.includes(e.kind))
    .sort((a, b) => (a.at === b.at ? (a.id < b.id ? 1 : -1) : a.at < b.at ? 1 : -1));
  return { events: matching.slice(0, limit), truncated: matching.length > limit };
}
