import Link from "next/link";
import { CategoryBadge, PriorityBadge, StatusBadge } from "@/components/item-badges";
import type { Category, Priority, Status } from "@/lib/backlog/schema";

export type ItemRow = {
  key: string;
  title: string;
  category: Category;
  priority: Priority | null;
  status: Status;
  effortText: string | null;
  phase: { key: string; name: string } | null;
  components: { slug: string; name: string }[];
};

export type SortHeader = { label: string; sort: string; href: string; active: "asc" | "desc" | null };

export function ItemsTable({ items, headers, itemHref }: { items: ItemRow[]; headers: SortHeader[]; itemHref: (key: string) => string }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-line bg-white">
      <table className="w-full text-left text-sm">
        <thead className="bg-gray-50 text-xs uppercase text-muted">
          <tr>
            {headers.map((h) => (
              <th key={h.sort} scope="col" className="px-3 py-2" aria-sort={h.active === "asc" ? "ascending" : h.active === "desc" ? "descending" : "none"}>
                <Link href={h.href} className="inline-flex items-center gap-1 hover:text-ink">
                  {h.label}
                  <span aria-hidden>{h.active === "asc" ? "▲" : h.active === "desc" ? "▼" : ""}</span>
                </Link>
              </th>
            ))}
            <th scope="col" className="px-3 py-2">Phase</th>
            <th scope="col" className="px-3 py-2">Components</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.key} className="border-t border-line align-top hover:bg-gray-50" data-testid={`item-row-${item.key}`}>
              <td className="px-3 py-2 font-mono text-xs whitespace-nowrap">
                <Link href={itemHref(item.key)} className="text-blue-700 hover:underline">
                  {item.key}
                </Link>
              </td>
              <td className="px-3 py-2">
                <Link href={itemHref(item.key)} className="hover:underline">
                  {item.title}
                </Link>
              </td>
              <td className="px-3 py-2"><CategoryBadge category={item.category} /></td>
              <td className="px-3 py-2"><PriorityBadge priority={item.priority} /></td>
              <td className="px-3 py-2"><StatusBadge status={item.status} /></td>
              <td className="px-3 py-2 whitespace-nowrap">{item.effortText ?? <span className="text-muted">—</span>}</td>
              <td className="px-3 py-2 text-xs">{item.phase?.name ?? <span className="text-muted">—</span>}</td>
              <td className="px-3 py-2 text-xs">{item.components.map((c) => c.name).join(", ") || <span className="text-muted">—</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
