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

/** The tag a run shows under: its tag, else its digest. */
export const runTag = (run: Pick<BoardRun, "imageTag" | "imageDigest">) => run.imageTag ?? run.imageDigest ?? "untagged";

/** Newest run per (tag, architecture) of one page of tags, in the page's order; tags without a run get empty cells. */
export function runGrid(tags: string[], architectures: string[], runs: BoardRun[]): GridCell[] {
  const byCell = new Map<string, BoardRun>();
  for (const run of runs) {
    const key = `${runTag(run)}\u0000${run.architecture}`;
    const current = byCell.get(key);
    if (!current || run.createdAt > current.createdAt) byCell.set(key, run);
  }
  return tags.flatMap((tag) => architectures.map((architecture) => ({ tag, architecture, run: byCell.get(`${tag}\u0000${architecture}`) ?? null })));
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

/** Tags named in the "older than the newest tag" warning; the rest are counted. */
export const NEWER_TAGS_NAMED = 10;

/**
 * Why the evidence may no longer describe the image: tags added after the newest run and never run
 * (`newerTags`, newest first, `newerCount` in all), or runs made with a preflight older than the last
 * three releases (`newestPerArch`: the newest run of each architecture).
 */
export function stalenessWarnings(
  unrun: { names: string[]; count: number },
  newestPerArch: BoardRun[],
  versionWarning: (version: string) => string | null,
): string[] {
  const warnings: string[] = [];
  const { names, count } = unrun;
  if (count > 0) {
    const named = names.slice(0, NEWER_TAGS_NAMED);
    const rest = count - named.length;
    const list = `${named.join(", ")}${rest > 0 ? ` and ${rest} more` : ""}`;
    warnings.push(`Results are older than the newest tag: ${list} ${count === 1 ? "was" : "were"} added after the last run and never checked.`);
  }
  const versions = new Set(newestPerArch.map((r) => r.preflightVersion));
  for (const version of [...versions].sort()) {
    const warning = versionWarning(version);
    if (warning) warnings.push(`${warning[0]!.toUpperCase()}${warning.slice(1)}`);
  }
  return warnings;
}
