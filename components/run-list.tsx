import Link from "next/link";
import { RunCounts, RunPassedBadge, type RunCountsView } from "@/components/run-badges";
import { DateText } from "@/components/ui/date-text";
import { architectureText, preflightText } from "@/lib/preflight/run-text";

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

/** Runs, newest first; the date links to the run. */
export function RunList({ runs, runHref }: { runs: RunListRow[]; runHref: (id: string) => string }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-line bg-white">
      <table className="w-full text-left text-sm">
        <thead className="bg-gray-50 text-xs uppercase text-muted">
          <tr>
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
              <td className="px-3 py-2">
                <Link href={runHref(run.id)} className="text-blue-700 hover:underline">
                  <DateText iso={run.createdAt} withTime />
                </Link>
                <p className="max-w-40 truncate text-xs text-muted" title={run.actor}>{run.actor}</p>
              </td>
              <td className="min-w-0 px-3 py-2">
                <Link href={runHref(run.id)} className="font-medium hover:underline">
                  {run.component?.name ?? <span className="text-amber-800">Unassigned</span>}
                </Link>
                <p className="max-w-xs font-mono text-xs break-all text-muted">{run.imageRef || "(no image named)"}</p>
              </td>
              <td className="px-3 py-2 font-mono text-xs">{architectureText(run.architecture)}</td>
              <td className="px-3 py-2 text-xs">
                {preflightText(run)}
                {run.policy && <p className="text-muted">{run.policy}</p>}
              </td>
              <td className="space-y-1 px-3 py-2">
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
