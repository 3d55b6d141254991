// Pure graph walks over "phase A depends on phase B" edges, shared by the gate, the critical path
// and the dependency writes (cycle refusal).

export type DependencyEdge = { phase: string; dependsOn: string };

function dependentsIndex(edges: ReadonlyArray<DependencyEdge>): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const edge of edges) index.set(edge.dependsOn, [...(index.get(edge.dependsOn) ?? []), edge.phase]);
  return index;
}

/**
 * Phases waiting on any of `start`, directly or through other phases, in breadth-first order.
 * `passes(key)` says whether waiting carries through a phase (a completed phase holds nothing up).
 */
export function dependentsOf(
  edges: ReadonlyArray<DependencyEdge>,
  start: Iterable<string>,
  passes: (key: string) => boolean = () => true,
): string[] {
  const index = dependentsIndex(edges);
  const seen = new Set<string>();
  const queue = [...start];
  const found: string[] = [];
  while (queue.length > 0) {
    const key = queue.shift()!;
    for (const next of index.get(key) ?? []) {
      if (seen.has(next) || !passes(next)) continue;
      seen.add(next);
      found.push(next);
      queue.push(next);
    }
  }
  return found;
}

/**
 * The cycle that giving `phase` exactly the prerequisites `dependsOn` would close, as a path of
 * phase keys from `phase` back to itself (["phase-1", "phase-3", "phase-1"]), or null when none.
 * The phase's current prerequisites in `edges` are replaced, not added to.
 */
export function findCycle(edges: ReadonlyArray<DependencyEdge>, phase: string, dependsOn: ReadonlyArray<string>): string[] | null {
  const prerequisites = new Map<string, string[]>();
  for (const edge of edges) {
    if (edge.phase === phase) continue;
    prerequisites.set(edge.phase, [...(prerequisites.get(edge.phase) ?? []), edge.dependsOn]);
  }
  prerequisites.set(phase, [...dependsOn]);

  // Depth-first from the phase along "depends on": reaching the phase again is a cycle.
  const visited = new Set<string>();
  const walk = (key: string, path: string[]): string[] | null => {
    for (const next of prerequisites.get(key) ?? []) {
      if (next === phase) return [...path, next];
      if (visited.has(next)) continue;
      visited.add(next);
      const found = walk(next, [...path, next]);
      if (found) return found;
    }
    return null;
  };
  return walk(phase, [phase]);
}
