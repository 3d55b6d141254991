import { isOpenStatus, PRIORITIES, type Priority, type Status } from "@/lib/backlog/schema";
import { dependentsOf, type DependencyEdge } from "@/lib/phases/dependency-graph";

// Pure critical path: which open items hold up the most downstream work.
//
// An open item in phase P holds up every phase that waits on P, directly or through other phases.
// An open item linked to a component that is not yet certified and published holds up every phase
// gated on that component, and the phases waiting on those. A completed phase holds nothing up and
// is held up by nothing. What an item holds up is counted as the open items of those phases.

export type CriticalPathPhase = {
  key: string;
  order: number;
  name: string;
  completed: boolean;
  dependsOn: string[];
  /** Gated components; `satisfied` when certified and published. */
  gates: { slug: string; satisfied: boolean }[];
};

export type CriticalPathItem = {
  key: string;
  title: string;
  status: Status;
  priority: Priority | null;
  effortMinHours: number | null;
  effortMaxHours: number | null;
  phase: string | null;
  components: { slug: string; name: string }[];
};

export type CriticalPathEntry = {
  key: string;
  title: string;
  status: Status;
  priority: Priority | null;
  phase: string | null;
  /** The linked components through which the item holds up a gated phase. */
  viaComponents: { slug: string; name: string }[];
  blocks: {
    items: number;
    effort: { minHours: number; maxHours: number; unestimated: number };
    phases: { key: string; order: number; name: string }[];
  };
};

const round = (hours: number) => Math.round(hours * 10_000) / 10_000;
const priorityRank = (priority: Priority | null) => (priority ? PRIORITIES.indexOf(priority) : PRIORITIES.length);
const keyOrder = new Intl.Collator("en", { numeric: true });

/** Open items that hold up at least one phase, the most held-up work first; ties by priority, then key. */
export function computeCriticalPath(phases: ReadonlyArray<CriticalPathPhase>, items: ReadonlyArray<CriticalPathItem>): CriticalPathEntry[] {
  const byKey = new Map(phases.map((phase) => [phase.key, phase]));
  const open = (key: string) => byKey.get(key)?.completed === false;
  const edges: DependencyEdge[] = phases.flatMap((phase) => phase.dependsOn.map((dependsOn) => ({ phase: phase.key, dependsOn })));
  const gatedBy = new Map<string, string[]>();
  for (const phase of phases) {
    if (phase.completed) continue;
    for (const gate of phase.gates) if (!gate.satisfied) gatedBy.set(gate.slug, [...(gatedBy.get(gate.slug) ?? []), phase.key]);
  }
  const openItems = items.filter((item) => isOpenStatus(item.status));
  const openItemsOf = new Map<string, CriticalPathItem[]>();
  for (const item of openItems) if (item.phase) openItemsOf.set(item.phase, [...(openItemsOf.get(item.phase) ?? []), item]);

  const entries: CriticalPathEntry[] = [];
  for (const item of openItems) {
    const viaComponents = item.components.filter((component) => gatedBy.has(component.slug));
    const gated = viaComponents.flatMap((component) => gatedBy.get(component.slug) ?? []);
    const start = [...(item.phase && open(item.phase) ? [item.phase] : []), ...gated];
    const held = new Set([...gated, ...dependentsOf(edges, start, open)]);
    if (held.size === 0) continue;

    const heldPhases = [...held].map((key) => byKey.get(key)!).sort((a, b) => a.order - b.order);
    const blocked = heldPhases.flatMap((phase) => openItemsOf.get(phase.key) ?? []).filter((other) => other.key !== item.key);
    const effort = { minHours: 0, maxHours: 0, unestimated: 0 };
    for (const other of blocked) {
      if (other.effortMaxHours === null) effort.unestimated += 1;
      else {
        effort.minHours += other.effortMinHours ?? other.effortMaxHours;
        effort.maxHours += other.effortMaxHours;
      }
    }
    entries.push({
      key: item.key,
      title: item.title,
      status: item.status,
      priority: item.priority,
      phase: item.phase,
      viaComponents,
      blocks: {
        items: blocked.length,
        effort: { minHours: round(effort.minHours), maxHours: round(effort.maxHours), unestimated: effort.unestimated },
        phases: heldPhases.map(({ key, order, name }) => ({ key, order, name })),
      },
    });
  }

  return entries.sort(
    (a, b) =>
      b.blocks.items - a.blocks.items ||
      b.blocks.phases.length - a.blocks.phases.length ||
      priorityRank(a.priority) - priorityRank(b.priority) ||
      keyOrder.compare(a.key, b.key),
  );
}

/** The entries that matter on one phase's board: its own items that hold others up, and what holds it up. */
export function criticalPathForPhase(entries: ReadonlyArray<CriticalPathEntry>, phaseKey: string): CriticalPathEntry[] {
  return entries.filter((entry) => entry.phase === phaseKey || entry.blocks.phases.some((phase) => phase.key === phaseKey));
}
