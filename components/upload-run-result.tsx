import Link from "next/link";
import { RunCounts, RunPassedBadge } from "@/components/run-badges";
import { RunDiff } from "@/components/run-diff";
import { Badge } from "@/components/ui/badge";
import { itemUrl } from "@/lib/backlog/urls";
import { isFirstUploadedRun, runUrl, type UploadedRun } from "@/lib/preflight/client";
import { ARCHITECTURE_HINT, architectureText, isKnownArchitecture, versionText } from "@/lib/run-text";

const ITEM_GROUPS = [
  { key: "opened", label: "Opened" },
  { key: "reopened", label: "Reopened" },
  { key: "verified", label: "Verified" },
  { key: "flagged", label: "Flagged for a person" },
] as const;

/** One run stored (or found already stored) by an upload. */
export function UploadRunResult({ run, product }: { run: UploadedRun; product?: string }) {
  const groups = ITEM_GROUPS.filter((g) => run.items[g.key].length > 0);
  return (
    <article className="space-y-2 border-t border-line pt-3" data-testid="upload-run">
      <p className="flex flex-wrap items-center gap-2 text-sm">
        {run.duplicate ? <Badge tone="gray">Duplicate — already stored</Badge> : <Badge tone="blue">New run</Badge>}
        <RunPassedBadge passed={run.passed} />
        <Link href={runUrl(run.id)} className="font-medium text-blue-700 hover:underline">
          {run.component ?? "Unassigned"} · {architectureText(run.arch)}
        </Link>
        <span className="text-muted">preflight {versionText(run.preflightVersion)}{run.policy ? `, ${run.policy} policy` : ""}</span>
        {!isKnownArchitecture(run.arch) && <span className="text-amber-900" data-testid="upload-run-arch-hint">Architecture not known: {ARCHITECTURE_HINT}</span>}
      </p>
      <p className="font-mono text-xs break-all text-muted">{run.image || "(no image named)"}</p>
      <RunCounts counts={run.counts} />
      {run.unassigned && (
        <p className="text-sm text-amber-900" data-testid="upload-run-unassigned">
          No component is registered for this image, so the run changed nothing.{" "}
          <Link href={`/runs?unassigned=true${product ? `&product=${encodeURIComponent(product)}` : ""}#to-assign`} className="text-blue-700 underline">
            Assign it to a component
          </Link>
        </p>
      )}
      {run.duplicate ? (
        <p className="text-sm text-muted">
          The same results were stored before for this component and architecture; nothing changed.{" "}
          <Link href={runUrl(run.id)} className="text-blue-700 underline">Open the stored run</Link>
        </p>
      ) : (
        <>
          <RunDiff diff={run.diff} firstRun={isFirstUploadedRun(run)} />
          {groups.length > 0 && (
            <dl className="space-y-1 text-sm">
              {groups.map((g) => (
                <div key={g.key} className="flex flex-wrap gap-x-2">
                  <dt className="font-medium">{g.label}:</dt>
                  {run.items[g.key].map((key) => (
                    <dd key={key}>
                      <Link href={itemUrl(key, product)} className="font-mono text-xs text-blue-700 hover:underline">{key}</Link>
                    </dd>
                  ))}
                </div>
              ))}
            </dl>
          )}
        </>
      )}
    </article>
  );
}
