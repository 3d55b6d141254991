"use client";

import Link from "next/link";
import { LoadMore } from "@/components/load-more";
import { RunPassedBadge } from "@/components/run-badges";
import { DateText } from "@/components/ui/date-text";
import { useGridPages } from "@/lib/component-board/client";
import type { BoardGrid } from "@/lib/component-board/schema";
import { architectureText, versionText } from "@/lib/run-text";

type Run = BoardGrid["cells"][number]["run"];

/**
 * Tags × architectures: the newest run of each, and tags nobody has tested yet; newest tags first,
 * a page at a time (the first comes with the page, "Show older tags" loads the next).
 */
export function ComponentRunGrid({ grid: first, product, slug }: { grid: BoardGrid; product: string; slug: string }) {
  const query = useGridPages(product, slug, first);
  const pages = query.data.pages;
  const newest = pages[0] ?? first;
  const last = pages.at(-1) ?? first;
  // A refresh can move a tag from one page to the next: it is shown once, where it was first found.
  const tags = [...new Set(pages.flatMap((p) => p.tags))];
  const runs = new Map<string, Run>();
  for (const page of pages) for (const cell of page.cells) if (!runs.has(`${cell.tag}\u0000${cell.architecture}`)) runs.set(`${cell.tag}\u0000${cell.architecture}`, cell.run);
  const grid = { tags, architectures: newest.architectures };
  const more = (
    <LoadMore
      label="Show older tags"
      status={`Showing ${tags.length} of ${newest.total} tag${newest.total === 1 ? "" : "s"}, newest first.`}
      hasMore={last.hasMore}
      loading={query.isFetchingNextPage}
      error={query.isFetchNextPageError ? query.error : null}
      onLoad={() => void query.fetchNextPage()}
      testId="grid-more"
    />
  );
  if (grid.tags.length === 0) return <p className="text-sm text-muted">No tags and no runs yet. Upload preflight results for this component.</p>;
  if (grid.architectures.length === 0) {
    return (
      <div>
        <p className="text-sm text-muted">
          Tags {grid.tags.map((tag) => versionText(tag)).join(", ")} have no preflight run yet.
        </p>
        {more}
      </div>
    );
  }
  return (
    <div>
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
                  const run = runs.get(`${tag}\u0000${arch}`);
                  return (
                    <td key={arch} className="py-2 pr-3" data-testid={`grid-${tag}-${arch}`} data-label={architectureText(arch)}>
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
      {more}
    </div>
  );
}
