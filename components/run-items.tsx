import Link from "next/link";
import { itemUrl } from "@/lib/backlog/urls";

export type RunItemView = { key: string; title: string; product: string; changes: string[] };

/** Backlog items the run opened, reopened, verified or flagged, with what it did to each. */
export function RunItems({ items }: { items: RunItemView[] }) {
  if (items.length === 0) return <p className="text-sm text-muted">This run changed no backlog item.</p>;
  return (
    <ul className="divide-y divide-line text-sm">
      {items.map((item) => (
        <li key={`${item.product}:${item.key}`} className="flex flex-wrap items-baseline gap-x-3 gap-y-1 py-2">
          <Link href={itemUrl(item.key, item.product)} className="flex min-w-0 flex-1 items-baseline gap-3 hover:underline">
            <span className="font-mono text-xs text-blue-700">{item.key}</span>
            <span>{item.title}</span>
          </Link>
          <span className="text-xs text-muted break-words">{item.changes.join("; ")}</span>
        </li>
      ))}
    </ul>
  );
}
