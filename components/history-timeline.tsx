import Link from "next/link";
import { runUrl } from "@/lib/preflight/client";
import { CommentEventText } from "@/components/item-comment-event";
import { CATEGORY_LABELS, STATUS_LABELS, type Category, type Status } from "@/lib/backlog/schema";

type Event = { id: string; actor: string; at: string; field: string; oldValue: unknown; newValue: unknown; note: string | null; runId?: string | null };

const FIELD_LABELS: Record<string, string> = {
  created: "created the item",
  title: "title",
  category: "category",
  priority: "priority",
  status: "status",
  latestResult: "latest result",
  statusNote: "status note",
  effortText: "effort",
  source: "source",
  fileRefs: "files",
  description: "description",
  actions: "action checklist",
  checkNames: "preflight checks",
  phase: "phase",
  components: "components",
  exception: "exception status",
  assignee: "owner",
  dueDate: "due date",
  requirements: "requirements",
};

function show(field: string, value: unknown): string {
  if (value === null || value === undefined || value === "") return "none";
  if (field === "status" && typeof value === "string") return STATUS_LABELS[value as Status] ?? value;
  if (field === "category" && typeof value === "string") return CATEGORY_LABELS[value as Category] ?? value;
  if (field === "actions" && Array.isArray(value)) {
    const done = value.filter((a) => a && typeof a === "object" && (a as { done?: boolean }).done).length;
    return `${done}/${value.length} done`;
  }
  if (Array.isArray(value)) return value.join(", ") || "none";
  if (typeof value === "string") return value.length > 80 ? `${value.slice(0, 77)}…` : value;
  return JSON.stringify(value);
}

export function HistoryTimeline({ events }: { events: Event[] }) {
  if (events.length === 0) return <p className="text-sm text-muted">No changes recorded yet.</p>;
  return (
    <ol className="space-y-3" data-testid="history">
      {events.map((e) => (
        <li key={e.id} className="border-l-2 border-line pl-3 text-sm">
          <p>
            <strong>{e.runId ? <Link href={runUrl(e.runId)} className="text-blue-700 hover:underline">{e.actor}</Link> : e.actor}</strong>{" "}
            {e.field === "created" ? (
              FIELD_LABELS.created
            ) : e.field === "comment" ? (
              <CommentEventText note={e.note} oldValue={e.oldValue} newValue={e.newValue} />
            ) : (
              <>
                changed {FIELD_LABELS[e.field] ?? e.field} from <em>{show(e.field, e.oldValue)}</em> to <em>{show(e.field, e.newValue)}</em>
              </>
            )}
          </p>
          <p className="text-xs text-muted">
            <time dateTime={e.at}>{new Date(e.at).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" })} UTC</time>
            {e.note && e.field !== "comment" ? ` · ${e.note}` : ""}
          </p>
        </li>
      ))}
    </ol>
  );
}
