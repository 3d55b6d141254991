"use client";

import Link from "next/link";
import { useState } from "react";
import { ItemsBulkBar, type BulkOptions } from "@/components/items-bulk-bar";
import { CategoryBadge, PriorityBadge, StatusBadge } from "@/components/item-badges";
import { DUE_TONE_CLASSES, dueState } from "@/lib/backlog/due";
import type { Category, PersonRef, Priority, Status } from "@/lib/backlog/schema";
import { itemUrl } from "@/lib/backlog/urls";

export type ItemRow = {
  key: string;
  title: string;
  category: Category;
  priority: Priority | null;
  status: Status;
  version: number;
  effortText: string | null;
  phase: { key: string; name: string } | null;
  components: { slug: string; name: string }[];
  assignee: PersonRef | null;
  dueDate: string | null;
};

export type SortHeader = { label: string; sort: string; href: string; active: "asc" | "desc" | null };

type Props = {
  items: ItemRow[];
  headers: SortHeader[];
  product: string;
  /** "YYYY-MM-DD" on the server, so "overdue" reads the same in the page and after hydration. */
  today: string;
  /** Present for people who may edit: rows get checkboxes and a bulk bar. */
  bulk?: BulkOptions;
};

export function ItemsTable({ items, headers, product, today, bulk }: Props) {
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const visible = items.filter((item) => selected.has(item.key));
  const allSelected = items.length > 0 && visible.length === items.length;
  const toggle = (key: string, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });
  const todayDate = new Date(`${today}T00:00:00Z`);

  return (
    <div className="space-y-2">
      {bulk && visible.length > 0 && (
        <ItemsBulkBar product={product} selected={visible.map((i) => ({ key: i.key, version: i.version }))} options={bulk} onDone={() => setSelected(new Set())} />
      )}
      <div className="overflow-x-auto rounded-lg border border-line bg-white">
        <table className="stack-table w-full text-left text-sm">
          <thead className="stack-head bg-gray-50 text-xs uppercase text-muted">
            <tr>
              {bulk && (
                <th scope="col" className="w-8 px-3 py-2">
                  <input
                    type="checkbox"
                    aria-label="Select all items on this page"
                    className="h-4 w-4"
                    checked={allSelected}
                    onChange={(e) => setSelected(e.target.checked ? new Set(items.map((i) => i.key)) : new Set())}
                  />
                </th>
              )}
              {headers.map((h) => (
                <th key={h.sort} scope="col" className="px-3 py-2" aria-sort={h.active === "asc" ? "ascending" : h.active === "desc" ? "descending" : "none"}>
                  <Link href={h.href} className="inline-flex items-center gap-1 hover:text-ink">
                    {h.label}
                    <span aria-hidden>{h.active === "asc" ? "▲" : h.active === "desc" ? "▼" : ""}</span>
                  </Link>
                </th>
              ))}
              <th scope="col" className="px-3 py-2 max-md:hidden">Owner</th>
              <th scope="col" className="px-3 py-2 max-md:hidden">Phase</th>
              <th scope="col" className="px-3 py-2 max-md:hidden">Components</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => {
              const due = item.dueDate ? dueState(item.dueDate, item.status, todayDate) : null;
              return (
                <tr key={item.key} className={`border-t border-line align-top hover:bg-gray-50 ${selected.has(item.key) ? "bg-blue-50" : ""}`} data-testid={`item-row-${item.key}`}>
                  {bulk && (
                    <td className="px-3 py-2 max-md:float-left max-md:mr-2">
                      <input type="checkbox" aria-label={`Select ${item.key}`} className="h-4 w-4" checked={selected.has(item.key)} onChange={(e) => toggle(item.key, e.target.checked)} />
                    </td>
                  )}
                  <td className="px-3 py-2 font-mono text-xs whitespace-nowrap">
                    <Link href={itemUrl(item.key, product)} className="text-blue-700 hover:underline">{item.key}</Link>
                  </td>
                  <td className="px-3 py-2">
                    <Link href={itemUrl(item.key, product)} className="hover:underline max-md:font-medium">{item.title}</Link>
                  </td>
                  <td className="px-3 py-2" data-label="Category"><CategoryBadge category={item.category} /></td>
                  <td className="px-3 py-2" data-label="Priority"><PriorityBadge priority={item.priority} /></td>
                  <td className="px-3 py-2" data-label="Status"><StatusBadge status={item.status} /></td>
                  <td className="px-3 py-2 whitespace-nowrap" data-label="Effort">{item.effortText ?? <span className="text-muted">—</span>}</td>
                  <td className={`px-3 py-2 text-xs whitespace-nowrap ${due ? DUE_TONE_CLASSES[due.tone] : ""}`} data-testid="item-due" data-label="Due">
                    {due?.text ?? <span className="text-muted">—</span>}
                  </td>
                  <td className="px-3 py-2 text-xs whitespace-nowrap" data-label="Owner">{item.assignee?.name ?? <span className="text-muted">Unassigned</span>}</td>
                  <td className="px-3 py-2 text-xs" data-label="Phase">{item.phase?.name ?? <span className="text-muted">—</span>}</td>
                  <td className="px-3 py-2 text-xs" data-label="Components">{item.components.map((c) => c.name).join(", ") || <span className="text-muted">—</span>}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
