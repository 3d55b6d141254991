import { DateText } from "@/components/ui/date-text";
import { certificationStatusText, COMPONENT_FIELD_LABELS } from "@/lib/components/schema";
import type { RedHatView } from "@/lib/pyxis/schema";

const FIELDS: Record<string, string> = {
  ...COMPONENT_FIELD_LABELS,
  "image.certified": "certified",
  "image.published": "published",
  "image.grade": "health grade",
};

function valueText(field: string, value: string | null): string {
  if (value === null) return "none";
  if (field === "certificationStatus") return certificationStatusText(value);
  if (value === "true" || value === "false") return value === "true" ? "yes" : "no";
  return value.replaceAll("_", " ");
}

/** What changed about the component, who changed it (a person, or Red Hat's catalog), newest first. */
export function ComponentHistory({ history }: { history: RedHatView["history"] }) {
  if (history.length === 0) return <p className="text-sm text-muted">No change recorded yet: edits of the details above, and syncs with Red Hat&apos;s catalog, appear here.</p>;
  return (
    <ol className="space-y-2 text-sm" aria-label="Component history">
      {history.map((e, i) => {
        const image = e.note?.replace(/^image /, "Image ") ?? "An image";
        const what = e.field === "image.listed" ? image : e.field.startsWith("image.") ? `${image}: ${FIELDS[e.field] ?? e.field}` : (FIELDS[e.field] ?? e.field);
        const change = e.field === "image.listed" ? (e.to ? "now listed by Red Hat" : "no longer listed by Red Hat") : `${valueText(e.field, e.from)} → ${valueText(e.field, e.to)}`;
        return (
          <li key={`${e.at}-${i}`} className="break-words">
            <span className="font-medium">{what}</span> {change}
            <span className="block text-xs text-muted">
              by {e.actor} · <DateText iso={e.at} withTime />
            </span>
          </li>
        );
      })}
    </ol>
  );
}
