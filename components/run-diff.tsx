import type { RunDiffView } from "@/lib/preflight/client";

type ListSpec = { key: keyof Omit<RunDiffView, "preflightVersionChanged">; label: string; tone: string };

const LISTS: ListSpec[] = [
  { key: "newlyFailed", label: "Newly failed", tone: "text-red-800" },
  { key: "newlyErrored", label: "Newly errored", tone: "text-purple-800" },
  { key: "newlyPassed", label: "Newly passed", tone: "text-green-800" },
  { key: "added", label: "Checks added", tone: "text-ink" },
  { key: "removed", label: "Checks removed", tone: "text-ink" },
];

/** Lists of check names; the first run has no baseline, so its "added" list (every check) is left out. */
export function RunDiff({ diff, firstRun }: { diff: RunDiffView | null; firstRun: boolean }) {
  if (!diff) return <p className="text-sm text-muted">The comparison with the previous run is not available for this run.</p>;
  const lists = LISTS.filter((list) => diff[list.key].length > 0 && !(firstRun && list.key === "added"));
  const changed = diff.preflightVersionChanged;
  return (
    <div className="space-y-2 text-sm">
      {firstRun ? (
        <p className="rounded-md bg-blue-50 px-2 py-1.5 text-blue-900" data-testid="first-run">
          First run for this component and architecture: there is nothing to compare with, so every failure and error counts as new.
        </p>
      ) : (
        lists.length === 0 && !changed && <p className="text-muted">No change since the previous run of this component and architecture.</p>
      )}
      {changed && (
        <p>
          Preflight version changed: <span className="font-mono">{changed.from}</span> → <span className="font-mono">{changed.to}</span>
        </p>
      )}
      {lists.length > 0 && (
        <dl className="grid gap-2 sm:grid-cols-2">
          {lists.map((list) => (
            <div key={list.key}>
              <dt className={`font-medium ${list.tone}`}>
                {list.label} ({diff[list.key].length})
              </dt>
              <dd>
                <ul className="mt-0.5 space-y-0.5">
                  {diff[list.key].map((name) => (
                    <li key={name} className="font-mono text-xs break-all">{name}</li>
                  ))}
                </ul>
              </dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  );
}
