import Link from "next/link";
import type { SavedViewSummary } from "@/lib/views/schema";

/** One saved view as a pill: the link, who shared it, and delete for the owner's own. */
export function SavedViewLink({ view, href, active, onDelete }: { view: SavedViewSummary; href: string; active: boolean; onDelete?: () => void }) {
  return (
    <li className={`flex max-w-full items-center rounded-full border text-sm ${active ? "border-brand-600 bg-brand-50" : "border-line bg-white"}`}>
      <Link
        href={href}
        aria-current={active ? "page" : undefined}
        title={view.mine ? (view.shared ? "Your view, shared with the team" : "Your view") : `Shared by ${view.owner.name}`}
        className={`min-w-0 truncate rounded-full py-1 pl-3 hover:underline ${onDelete ? "pr-1" : "pr-3"} ${active ? "font-medium text-ink" : "text-gray-700"}`}
      >
        {view.name}
        {view.shared && <span className="ml-1.5 text-xs text-muted">{view.mine ? "· shared" : `· ${view.owner.name}`}</span>}
      </Link>
      {onDelete && (
        <button
          type="button"
          onClick={onDelete}
          aria-label={`Delete view ${view.name}`}
          title="Delete this view"
          className="mr-1 flex h-6 w-6 shrink-0 items-center justify-center rounded-full text-muted hover:bg-red-50 hover:text-red-800"
        >
          <span aria-hidden>×</span>
        </button>
      )}
    </li>
  );
}
