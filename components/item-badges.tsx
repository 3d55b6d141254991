import { Badge, type Tone } from "@/components/ui/badge";
import { CATEGORY_LABELS, STATUS_LABELS, type Category, type Priority, type Status } from "@/lib/backlog/schema";

const STATUS_TONES: Record<Status, Tone> = {
  not_started: "gray",
  in_progress: "blue",
  blocked: "red",
  needs_justification: "amber",
  in_review: "purple",
  done: "green",
  wont_do: "gray",
};

const CATEGORY_TONES: Record<Category, Tone> = {
  critical_blocker: "red",
  needs_verification: "amber",
  not_required: "gray",
  compliant: "green",
};

export function StatusBadge({ status }: { status: Status }) {
  return <Badge tone={STATUS_TONES[status]}>{STATUS_LABELS[status]}</Badge>;
}

export function CategoryBadge({ category }: { category: Category }) {
  return <Badge tone={CATEGORY_TONES[category]}>{CATEGORY_LABELS[category]}</Badge>;
}

export function PriorityBadge({ priority }: { priority: Priority | null }) {
  if (!priority) return <span className="text-muted">—</span>;
  return <Badge tone={priority === "P0" ? "red" : priority === "P1" ? "amber" : "gray"}>{priority}</Badge>;
}
