import { Badge, type Tone } from "@/components/ui/badge";
import { CHECK_OUTCOME_LABELS, checkOutcomeSchema, type CheckOutcome } from "@/lib/preflight/schema";

export type RunCountsView = { passed: number; failed: number; errors: number; warnings: number };

export function RunPassedBadge({ passed }: { passed: boolean }) {
  return <Badge tone={passed ? "green" : "red"}>{passed ? "Passed" : "Failed"}</Badge>;
}

const OUTCOME_TONES: Record<CheckOutcome, Tone> = { passed: "green", failed: "red", errored: "purple", warned: "amber" };

export function CheckOutcomeBadge({ outcome }: { outcome: string }) {
  const known = checkOutcomeSchema.safeParse(outcome);
  if (!known.success) return <Badge tone="gray">{outcome}</Badge>;
  return <Badge tone={OUTCOME_TONES[known.data]}>{CHECK_OUTCOME_LABELS[known.data]}</Badge>;
}

/** Pass/fail/error/warning counts; zeros are dimmed so the numbers that matter stand out. */
export function RunCounts({ counts }: { counts: RunCountsView }) {
  const parts: { label: string; value: number; tone: string }[] = [
    { label: "passed", value: counts.passed, tone: "text-green-800" },
    { label: "failed", value: counts.failed, tone: "text-red-800" },
    { label: counts.errors === 1 ? "error" : "errors", value: counts.errors, tone: "text-purple-800" },
    { label: counts.warnings === 1 ? "warning" : "warnings", value: counts.warnings, tone: "text-amber-800" },
  ];
  return (
    <span className="inline-flex flex-wrap gap-x-3 text-sm">
      {parts.map((p) => (
        <span key={p.label} className={p.value === 0 ? "text-muted" : `font-medium ${p.tone}`}>
          {p.value} {p.label}
        </span>
      ))}
    </span>
  );
}
