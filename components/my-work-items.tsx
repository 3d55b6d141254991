import Link from "next/link";
import { PriorityBadge, StatusBadge } from "@/components/item-badges";
import { DueText } from "@/components/due-text";
import { itemUrl } from "@/lib/backlog/urls";
import type { MyWorkItem } from "@/lib/me/schema";

/** Open items as links, with priority, status and due date; `showAssignee` for items someone else may own. */
export function MyWorkItems({ items, product, today, showAssignee = false }: { items: MyWorkItem[]; product: string; today: string; showAssignee?: boolean }) {
  return (
    <ul className="divide-y divide-line">
      {items.map((item) => (
        <li key={item.key} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2" data-testid={`my-work-item-${item.key}`}>
          <Link href={itemUrl(item.key, product)} className="min-w-0 flex-1 basis-56 text-sm hover:underline">
            <span className="mr-2 font-mono text-xs text-blue-700">{item.key}</span>
            {item.title}
          </Link>
          <span className="flex flex-wrap items-center gap-2">
            {item.priority && <PriorityBadge priority={item.priority} />}
            <StatusBadge status={item.status} />
            <DueText item={item} today={today} className="whitespace-nowrap text-xs" />
            {showAssignee && <span className="max-w-40 truncate text-xs text-muted">{item.assignedToMe ? "You" : item.assignee ? item.assignee.name : "Unassigned"}</span>}
          </span>
        </li>
      ))}
    </ul>
  );
}
