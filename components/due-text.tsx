import { DUE_TONE_CLASSES, dueState } from "@/lib/backlog/due";
import type { Status } from "@/lib/backlog/schema";

/** A due date in words and colour ("3 days overdue" in red), or "No due date"; the day itself on hover. */
export function DueText({ item, today, className = "" }: { item: { dueDate: string | null; status: Status }; today: string; className?: string }) {
  if (!item.dueDate) return <span className={`text-muted ${className}`}>No due date</span>;
  const due = dueState(item.dueDate, item.status, new Date(`${today}T00:00:00Z`));
  return (
    <time dateTime={item.dueDate} title={`Due ${item.dueDate}`} className={`${className} ${DUE_TONE_CLASSES[due.tone]}`} data-testid="item-due-text">
      {due.text}
    </time>
  );
}
