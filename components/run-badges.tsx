import { Badge, type Tone } from "@/components/ui/badge";

export type RunCountsView = { passed: number; failed: number; errors: number; warnings: number };

export function RunPassedBadge({ passed }: { passed: boolean }) {
  return <Badge tone={passed ? "green" : "red"}>{passed ? "Passed" : "Failed"}</Badge>;
}

const OUTCOME: Record<string, { tone: Tone; label: string }> = {
  passed: { tone: "green", label: "Passed" },
  failed: { tone: "red", label: "Failed" },
  errored: { tone: "purple", label: "Errored" },
  warned: { tone: "amber", label: "Warning" },
};

export function CheckOutcomeBadge({ outcome }: { outcome: string }) {
  const shown = OUTCOME[outcome] ?? { tone: "gray", label: outcome };
  return <Badge tone={shown.tone}>{shown.label}</Badge>;
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
