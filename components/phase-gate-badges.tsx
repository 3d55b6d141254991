import { Badge, type Tone } from "@/components/ui/badge";
import { certificationStatusLabel, isComponentSatisfied } from "@/lib/phases/gating";

const IN_FLIGHT = new Set(["started", "checklist_in_progress", "tests_in_progress", "in_progress", "ready_for_certification", "certification_completed", "waiting_for_container_image"]);

function certificationTone(status: string): Tone {
  if (isComponentSatisfied({ certificationStatus: status })) return "green";
  if (IN_FLIGHT.has(status)) return "blue";
  if (status === "unpublished") return "amber";
  return "gray";
}

/** A component's Red Hat certification status in words, with a mark that does not rely on colour. */
export function CertificationStatusBadge({ status }: { status: string }) {
  const ready = isComponentSatisfied({ certificationStatus: status });
  return (
    <Badge tone={certificationTone(status)}>
      <span aria-hidden className="mr-1">{ready ? "✓" : "○"}</span>
      {certificationStatusLabel(status)}
    </Badge>
  );
}

/** Complete, ready to complete, or waiting: a phase's state in words. */
export function PhaseStateBadge({ completed, canComplete }: { completed: boolean; canComplete: boolean }) {
  if (completed) return <Badge tone="green">✓ Complete</Badge>;
  if (canComplete) return <Badge tone="blue">Open</Badge>;
  return <Badge tone="amber">Waiting on dependencies</Badge>;
}
