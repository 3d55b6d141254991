import Link from "next/link";
import { CheckOutcomeBadge, RunCounts, RunPassedBadge, type RunCountsView } from "@/components/run-badges";
import { DateText } from "@/components/ui/date-text";
import type { RunComparison } from "@/lib/preflight/compare-runs";
import { runUrl } from "@/lib/preflight/client";
import { architectureText, versionText } from "@/lib/run-text";

export type CompareSideView = {
  id: string;
  component: { slug: string; name: string } | null;
  imageTag: string | null;
  imageDigest: string | null;
  architecture: string;
  preflightVersion: string;
  policy: string | null;
  passed: boolean;
  counts: RunCountsView;
  actor: string;
  createdAt: string;
};

/** One side of a comparison: which run it is, its verdict and counts. */
export function CompareSide({ label, run }: { label: "From" | "To"; run: CompareSideView }) {
  return (
    <section aria-label={`${label} run`} className="rounded-lg border border-line bg-white p-4 shadow-sm" data-testid={`compare-${label.toLowerCase()}`}>
      <p className="text-xs font-semibold tracking-wide text-muted uppercase">{label}</p>
      <p className="mt-1 flex flex-wrap items-center gap-2">
        <span className="font-semibold">{run.component?.name ?? "Unassigned run"}</span>
        <span className="font-mono text-xs">
          {run.imageTag ? versionText(run.imageTag) : (run.imageDigest?.slice(0, 19) ?? "untagged")} · {architectureText(run.architecture)}
        </span>
        <RunPassedBadge passed={run.passed} />
      </p>
      <div className="mt-1">
        <RunCounts counts={run.counts} />
      </div>
      <p className="mt-1 text-xs text-muted">
        <DateText iso={run.createdAt} withTime /> · preflight {versionText(run.preflightVersion)}
        {run.policy ? `, ${run.policy} policy` : ""} · {run.actor}
      </p>
      <p className="mt-2 text-sm">
        <Link href={runUrl(run.id)} className="text-blue-700 hover:underline">
          Open this run
        </Link>
      </p>
    </section>
  );
}

type NameList = { key: "newlyFailed" | "newlyErrored" | "newlyPassed" | "added" | "removed"; label: string; tone: string };

const LISTS: NameList[] = [
  { key: "newlyFailed", label: "Newly failed", tone: "text-red-800" },
  { key: "newlyErrored", label: "Newly errored", tone: "text-purple-800" },
  { key: "newlyPassed", label: "Newly passed", tone: "text-green-800" },
  { key: "added", label: "Only in To (new checks)", tone: "text-ink" },
  { key: "removed", label: "Only in From (checks gone)", tone: "text-ink" },
];

const UNCHANGED: { outcome: string; label: string }[] = [
  { outcome: "failed", label: "Still failing" },
  { outcome: "errored", label: "Still erroring" },
  { outcome: "warned", label: "Still warning" },
  { outcome: "passed", label: "Still passing" },
];

function Names({ names }: { names: string[] }) {
  return (
    <ul className="mt-0.5 space-y-0.5">
      {names.map((name) => (
        <li key={name} className="font-mono text-xs break-all">{name}</li>
      ))}
    </ul>
  );
}

/** What changed from one run to the other, list by list; every list says in words what it holds. */
export function RunComparisonLists({ comparison }: { comparison: RunComparison }) {
  const lists = LISTS.filter((list) => comparison[list.key].length > 0);
  const nothing = lists.length === 0 && comparison.otherChanges.length === 0;
  return (
    <div className="space-y-2 text-sm" data-testid="compare-changes">
      {nothing && <p className="text-muted">No check changed between these runs.</p>}
      <dl className="grid gap-3 sm:grid-cols-2">
        {lists.map((list) => (
          <div key={list.key} data-testid={`compare-${list.key}`}>
            <dt className={`font-medium ${list.tone}`}>
              {list.label} ({comparison[list.key].length})
            </dt>
            <dd>
              <Names names={comparison[list.key]} />
            </dd>
          </div>
        ))}
        {comparison.otherChanges.length > 0 && (
          <div data-testid="compare-otherChanges">
            <dt className="font-medium">Other changes ({comparison.otherChanges.length})</dt>
            <dd>
              <ul className="mt-0.5 space-y-1">
                {comparison.otherChanges.map((change) => (
                  <li key={change.name} className="flex flex-wrap items-center gap-1 text-xs">
                    <span className="font-mono break-all">{change.name}</span>
                    <CheckOutcomeBadge outcome={change.from} /> <span aria-hidden="true">→</span>
                    <span className="sr-only">to</span> <CheckOutcomeBadge outcome={change.to} />
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        )}
      </dl>
    </div>
  );
}

/** Checks with the same outcome in both runs, grouped by that outcome. */
export function RunComparisonUnchanged({ unchanged }: { unchanged: RunComparison["unchanged"] }) {
  if (unchanged.length === 0) return <p className="text-sm text-muted">No check has the same outcome in both runs.</p>;
  const groups = UNCHANGED.map((g) => ({ ...g, names: unchanged.filter((u) => u.outcome === g.outcome).map((u) => u.name) })).filter((g) => g.names.length > 0);
  return (
    <dl className="grid gap-3 text-sm sm:grid-cols-2" data-testid="compare-unchanged">
      {groups.map((group) => (
        <div key={group.outcome}>
          <dt className="font-medium">
            {group.label} ({group.names.length})
          </dt>
          <dd>
            <Names names={group.names} />
          </dd>
        </div>
      ))}
    </dl>
  );
}
