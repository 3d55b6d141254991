import Link from "next/link";
import { RunPassedBadge } from "@/components/run-badges";
import { DateText } from "@/components/ui/date-text";
import type { ComponentBoard } from "@/lib/components/schema";

export function ComponentRunHistory({ history }: { history: ComponentBoard["history"] }) {
  if (history.length === 0) return <p className="text-sm text-muted">No preflight runs yet.</p>;
  return (
    <ol className="space-y-3">
      {history.map((run) => {
        const changes = [
          ...(run.diff?.newlyFailed ?? []).map((c) => `${c} failed`),
          ...(run.diff?.newlyErrored ?? []).map((c) => `${c} errored`),
          ...(run.diff?.newlyPassed ?? []).map((c) => `${c} passed`),
        ];
        return (
          <li key={run.id} className="border-l-2 border-line pl-3 text-sm">
            <p className="flex flex-wrap items-center gap-2">
              <RunPassedBadge passed={run.passed} />
              <Link href={`/runs/${run.id}`} className="font-mono text-xs text-blue-700 hover:underline">
                {run.tag ?? "untagged"} · {run.architecture}
              </Link>
              <span className="text-xs text-muted">
                preflight {run.preflightVersion}
                {run.policy ? `, ${run.policy} policy` : ""} · {run.actor}
              </span>
            </p>
            <p className="text-xs text-muted">
              <DateText iso={run.createdAt} withTime />
              {changes.length > 0 ? ` — ${changes.join(", ")}` : " — no change from the previous run"}
            </p>
          </li>
        );
      })}
    </ol>
  );
}
