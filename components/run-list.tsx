import Link from "next/link";
import { RunSelectBox } from "@/components/run-compare-select";
import { RunCounts, RunPassedBadge, type RunCountsView } from "@/components/run-badges";
import { DateText } from "@/components/ui/date-text";
import { architectureText, preflightText } from "@/lib/run-text";

export type RunListRow = {
  id: string;
  component: { slug: string; name: string } | null;
  imageRef: string;
  architecture: string;
  policy: string | null;
  preflightVersion: string;
  devBuild: boolean;
  passed: boolean;
  counts: RunCountsView;
  actor: string;
  createdAt: string;
};

/** Runs, newest first; the date links to the run. `selectable`: a tick box per row, inside a RunCompareSelection. */
export function RunList({ runs, runHref, selectable = false }: { runs: RunListRow[]; runHref: (id: string) => string; selectable?: boolean }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-line bg-white">
      <table className="stack-table w-full text-left text-sm">
        <thead className="bg-gray-50 text-xs uppercase text-muted">
          <tr>
            {selectable && <th scope="col" className="w-8 px-3 py-2"><span className="sr-only">Select</span></th>}
            <th scope="col" className="px-3 py-2">Uploaded</th>
            <th scope="col" className="px-3 py-2">Component and image</th>
            <th scope="col" className="px-3 py-2">Arch</th>
            <th scope="col" className="px-3 py-2">Preflight</th>
            <th scope="col" className="px-3 py-2">Result</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => (
            <tr key={run.id} className="border-t border-line align-top hover:bg-gray-50" data-testid="run-row">
              {selectable && (
                <td className="px-3 py-2" data-label="Compare">
                  <RunSelectBox run={run} label={`${run.component?.name ?? "an unassigned run"} (${architectureText(run.architecture)}), uploaded ${run.createdAt.slice(0, 19).replace("T", " ")} UTC,`} />
                </td>
              )}
              <td className="px-3 py-2" data-label="Uploaded">
                <Link href={runHref(run.id)} className="text-blue-700 hover:underline">
                  <DateText iso={run.createdAt} withTime />
                </Link>
                <p className="max-w-40 truncate text-xs text-muted" title={run.actor}>{run.actor}</p>
              </td>
              <td className="min-w-0 px-3 py-2" data-label="Component">
                <Link href={runHref(run.id)} className="font-medium hover:underline">
                  {run.component?.name ?? <span className="text-amber-800">Unassigned</span>}
                </Link>
                <p className="max-w-xs font-mono text-xs break-all text-muted">{run.imageRef || "(no image named)"}</p>
              </td>
              <td className="px-3 py-2 font-mono text-xs" data-label="Arch">{architectureText(run.architecture)}</td>
              <td className="px-3 py-2 text-xs" data-label="Preflight">
                {preflightText(run)}
                {run.policy && <p className="text-muted">{run.policy}</p>}
              </td>
              <td className="space-y-1 px-3 py-2" data-label="Result">
                <RunPassedBadge passed={run.passed} />
                <div className="text-xs"><RunCounts counts={run.counts} /></div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
