// Pure board arithmetic for one component: the tag × architecture grid of newest runs, and how
// stale the evidence is. Kept free of the database so the rules have tests of their own.

export type BoardRun = {
  id: string;
  imageTag: string | null;
  imageDigest: string | null;
  architecture: string;
  passed: boolean;
  counts: { passed: number; failed: number; errors: number };
  preflightVersion: string;
  createdAt: Date;
};

export type GridCell = { tag: string; architecture: string; run: BoardRun | null };

/** Newest run per (tag, architecture); tags without any run still get a row of empty cells. */
export function runGrid(tags: string[], runs: BoardRun[]): { tags: string[]; architectures: string[]; cells: GridCell[] } {
  const byCell = new Map<string, BoardRun>();
  for (const run of runs) {
    const key = `${run.imageTag ?? run.imageDigest ?? "untagged"}\u0000${run.architecture}`;
    const current = byCell.get(key);
    if (!current || run.createdAt > current.createdAt) byCell.set(key, run);
  }
  const runTags = runs.map((r) => r.imageTag ?? r.imageDigest ?? "untagged");
  const allTags = [...new Set([...tags, ...runTags])].sort();
  const architectures = [...new Set(runs.map((r) => r.architecture))].sort();
  const cells = allTags.flatMap((tag) => architectures.map((architecture) => ({ tag, architecture, run: byCell.get(`${tag}\u0000${architecture}`) ?? null })));
  return { tags: allTags, architectures, cells };
}

const DAY = 86_400_000;

export type Staleness = { architecture: string; daysSinceLastPass: number | null; lastRunAt: Date };

/** Days since the last passing run, per architecture (null when it never passed). */
export function staleness(runs: BoardRun[], now: Date): Staleness[] {
  const byArch = new Map<string, BoardRun[]>();
  for (const run of runs) byArch.set(run.architecture, [...(byArch.get(run.architecture) ?? []), run]);
  return [...byArch]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([architecture, list]) => {
      const lastPass = list.filter((r) => r.passed).sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0];
      const lastRunAt = list.reduce((max, r) => (r.createdAt > max ? r.createdAt : max), list[0]!.createdAt);
      return { architecture, daysSinceLastPass: lastPass ? Math.floor((now.getTime() - lastPass.createdAt.getTime()) / DAY) : null, lastRunAt };
    });
}

/**
 * Why the evidence may no longer describe the image: a tag added after the newest run, or runs
 * made with a preflight older than the last three releases (newest run per architecture only).
 */
export function stalenessWarnings(tags: { name: string; addedAt: Date }[], runs: BoardRun[], versionWarning: (version: string) => string | null): string[] {
  const warnings: string[] = [];
  const newestRun = runs.reduce<Date | null>((max, r) => (max === null || r.createdAt > max ? r.createdAt : max), null);
  const ranTags = new Set(runs.map((r) => r.imageTag));
  const newer = tags.filter((t) => !ranTags.has(t.name) && newestRun !== null && t.addedAt > newestRun).map((t) => t.name);
  if (newer.length) {
    warnings.push(`Results are older than the newest tag: ${newer.join(", ")} ${newer.length === 1 ? "was" : "were"} added after the last run and never checked.`);
  }
  const newestPerArch = new Map<string, BoardRun>();
  for (const run of runs) {
    const current = newestPerArch.get(run.architecture);
    if (!current || run.createdAt > current.createdAt) newestPerArch.set(run.architecture, run);
  }
  const versions = new Set([...newestPerArch.values()].map((r) => r.preflightVersion));
  for (const version of [...versions].sort()) {
    const warning = versionWarning(version);
    if (warning) warnings.push(`${warning[0]!.toUpperCase()}${warning.slice(1)}`);
  }
  return warnings;
}
