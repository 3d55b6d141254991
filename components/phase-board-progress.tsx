import { ProgressBar } from "@/components/ui/progress-bar";
import { formatHours } from "@/lib/backlog/effort";
import type { PhaseProgressNumbers } from "@/lib/phases/progress";

/** "12–20 h of 80–120 h done; 68–100 h remaining; 2 items without estimate". */
export function effortSentence({ effort }: PhaseProgressNumbers): string {
  const parts = [
    `${formatHours(effort.doneMinHours, effort.doneMaxHours)} of ${formatHours(effort.totalMinHours, effort.totalMaxHours)} done`,
    `${formatHours(effort.remainingMinHours, effort.remainingMaxHours)} remaining`,
  ];
  if (effort.unestimated > 0) parts.push(`${effort.unestimated} ${effort.unestimated === 1 ? "item" : "items"} without estimate`);
  return parts.join("; ");
}

export function PhaseBoardProgress({ progress, phaseOrder }: { progress: PhaseProgressNumbers; phaseOrder: number }) {
  return (
    <div className="space-y-2" data-testid="phase-progress">
      <div className="flex items-baseline justify-between gap-2 text-sm">
        <span className="font-medium">
          {progress.done} of {progress.total} items closed ({Math.round(progress.byCount * 100)}%)
        </span>
      </div>
      <ProgressBar value={progress.byCount} label={`Phase ${phaseOrder} progress by item count`} />
      <p className="text-sm text-muted" data-testid="phase-effort">
        Effort: {effortSentence(progress)}
      </p>
    </div>
  );
}
