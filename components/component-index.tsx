import Link from "next/link";
import { DateText } from "@/components/ui/date-text";
import type { ComponentIndexRow } from "@/lib/component-board/schema";
import { certificationStatusText, COMPONENT_TYPE_LABELS } from "@/lib/components/schema";
import { componentUrl } from "@/lib/overview/urls";
import { itemsUrl } from "@/lib/backlog/urls";
import { runUrl } from "@/lib/preflight/client";
import { architectureText } from "@/lib/run-text";

type Latest = ComponentIndexRow["latest"][number];

/** A run's outcome in words: "passed", "failed 2 checks", "failed 1 check, 1 errored". */
function outcome(run: Latest): string {
  if (run.passed) return "passed";
  const parts = [run.failed > 0 && `${run.failed} ${run.failed === 1 ? "check" : "checks"} failed`, run.errors > 0 && `${run.errors} errored`].filter(Boolean);
  return parts.length ? `failed: ${parts.join(", ")}` : "failed";
}

/**
 * The product's components, each linking to its board, with the newest result of each architecture.
 * Below `md` each row stacks as a card (the image under the name), so nothing scrolls sideways.
 */
export function ComponentIndex({ rows, product }: { rows: ComponentIndexRow[]; product: string }) {
  return (
    <div className="rounded-lg border border-line bg-white">
      <table className="stack-table w-full text-left text-sm">
        <thead className="bg-gray-50 text-xs uppercase text-muted">
          <tr>
            <th scope="col" className="px-3 py-2">Component</th>
            <th scope="col" className="px-3 py-2">Image</th>
            <th scope="col" className="px-3 py-2">Newest result per architecture</th>
            <th scope="col" className="px-3 py-2 text-right">Open items</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.slug} className="border-t border-line align-top" data-testid="component-row">
              <th scope="row" className="px-3 py-2 font-normal">
                <Link href={componentUrl(row.slug, product)} className="font-medium text-blue-700 hover:underline">{row.name}</Link>
                <p className="text-xs text-muted">
                  {COMPONENT_TYPE_LABELS[row.type] ?? row.type} · Red Hat: {certificationStatusText(row.certificationStatus)}
                </p>
              </th>
              <td className="max-w-xs px-3 py-2 font-mono text-xs break-all" data-label="Image">{row.image ?? <span className="font-sans text-muted">to be decided</span>}</td>
              <td className="px-3 py-2" data-label="Newest results">
                {row.latest.length === 0 ? (
                  <span className="text-xs text-muted">No runs yet</span>
                ) : (
                  <ul className="space-y-0.5 text-xs">
                    {row.latest.map((run) => (
                      <li key={run.architecture}>
                        <Link href={runUrl(run.runId)} className="hover:underline">
                          <span className="font-mono">{architectureText(run.architecture)}</span>:{" "}
                          <span className={run.passed ? "text-green-800" : "text-red-800"}>{outcome(run)}</span>
                        </Link>{" "}
                        <span className="text-muted">(<DateText iso={run.createdAt} />)</span>
                      </li>
                    ))}
                  </ul>
                )}
              </td>
              <td className="px-3 py-2 text-sm tabular-nums md:text-right" data-label="Open items">
                <Link href={itemsUrl({ product, component: row.slug })} className="text-blue-700 hover:underline" aria-label={`${row.openItems} open items of ${row.name}`}>
                  {row.openItems}
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
