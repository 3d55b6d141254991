import Link from "next/link";
import { RunPassedBadge } from "@/components/run-badges";
import { DateText } from "@/components/ui/date-text";
import type { ComponentBoard } from "@/lib/component-board/schema";
import { architectureText, versionText } from "@/lib/run-text";

/** Tags × architectures: the newest run of each, and tags nobody has tested yet. */
export function ComponentRunGrid({ grid }: { grid: ComponentBoard["grid"] }) {
  if (grid.tags.length === 0) return <p className="text-sm text-muted">No tags and no runs yet. Upload preflight results for this component.</p>;
  if (grid.architectures.length === 0) {
    return (
      <p className="text-sm text-muted">
        Tags {grid.tags.map((tag) => versionText(tag)).join(", ")} have no preflight run yet.
      </p>
    );
  }
  return (
    <div className="overflow-x-auto">
      <table className="stack-table w-full text-left text-sm">
        <thead className="text-xs uppercase text-muted">
          <tr>
            <th scope="col" className="py-2 pr-3">Tag</th>
            {grid.architectures.map((arch) => (
              <th key={arch} scope="col" className="py-2 pr-3">{architectureText(arch)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {grid.tags.map((tag) => (
            <tr key={tag} className="border-t border-line align-top">
              <th scope="row" className="py-2 pr-3 font-mono text-xs font-normal break-all">{versionText(tag)}</th>
              {grid.architectures.map((arch) => {
                const run = grid.cells.find((c) => c.tag === tag && c.architecture === arch)?.run;
                return (
                  <td key={arch} className="py-2 pr-3" data-testid={`grid-${tag}-${arch}`} data-label={arch}>
                    {run ? (
                      <Link href={`/runs/${run.id}`} className="inline-flex flex-col items-start gap-1 hover:underline">
                        <RunPassedBadge passed={run.passed} />
                        <span className="text-xs text-muted">
                          {run.counts.passed} passed · {run.counts.failed} failed · {run.counts.errors} errors
                        </span>
                        <span className="text-xs text-muted">
                          preflight {versionText(run.preflightVersion)}, <DateText iso={run.createdAt} />
                        </span>
                      </Link>
                    ) : (
                      <span className="text-xs text-muted">no run</span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
