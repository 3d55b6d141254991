import { Badge, type Tone } from "@/components/ui/badge";
import { DateText } from "@/components/ui/date-text";
import type { SyncView } from "@/lib/pyxis/schema";

const OUTCOME: Record<string, { label: string; tone: Tone }> = {
  ok: { label: "Synced", tone: "green" },
  partial: { label: "Partly failed", tone: "amber" },
  failed: { label: "Failed", tone: "red" },
  running: { label: "Running", tone: "blue" },
};
const TRIGGER: Record<string, string> = { schedule: "schedule", person: "Sync now", cli: "certboard sync", file: "export file" };

const changeText = (c: SyncView["changes"][number]) => `${c.component}: ${c.field} ${c.from ?? "—"} → ${c.to ?? "—"}`;

/** Each sync: when, who or what started it, what it changed and what failed (newest first). */
export function SyncList({ syncs }: { syncs: SyncView[] }) {
  if (syncs.length === 0) return <p className="text-sm text-muted">No sync yet. Press Sync now, or wait for the schedule.</p>;
  return (
    <ol className="divide-y divide-line text-sm" aria-label="Syncs">
      {syncs.map((sync) => {
        const outcome = OUTCOME[sync.outcome] ?? { label: sync.outcome, tone: "gray" as Tone };
        return (
          <li key={sync.id} className="py-2">
            <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
              <Badge tone={outcome.tone}>{outcome.label}</Badge>
              <DateText iso={sync.startedAt} withTime />
              <span className="text-muted">
                by {sync.trigger === "person" ? sync.actor : TRIGGER[sync.trigger] ?? sync.trigger} · {sync.changes.length} {sync.changes.length === 1 ? "change" : "changes"}
                {sync.failures.length > 0 && ` · ${sync.failures.length} failed`}
              </span>
            </div>
            {sync.failures.length > 0 && (
              <ul className="mt-1 space-y-0.5 text-red-800">
                {sync.failures.map((f) => (
                  <li key={`${f.component}-${f.message}`}>
                    <span className="font-medium">{f.component}</span>
                    {f.projectId && <span className="font-mono text-xs"> ({f.projectId})</span>}: {f.message}
                  </li>
                ))}
              </ul>
            )}
            {sync.changes.length > 0 && (
              <details className="mt-1">
                <summary className="cursor-pointer text-muted">What changed</summary>
                <ul className="mt-1 space-y-0.5 break-words">
                  {sync.changes.map((c, i) => (
                    <li key={i}>{changeText(c)}</li>
                  ))}
                </ul>
              </details>
            )}
          </li>
        );
      })}
    </ol>
  );
}
