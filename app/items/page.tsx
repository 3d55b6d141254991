import { isoDay } from "@/lib/calendar/days";
import type { Metadata } from "next";
import Link from "next/link";
import { ItemFilters } from "@/components/item-filters";
import { LiveRefresh } from "@/components/live-refresh";
import { ItemsTable, type SortHeader } from "@/components/items-table";
import { Pagination } from "@/components/pagination";
import { SavedViews } from "@/components/saved-views";
import { EmptyState } from "@/components/ui/empty-state";
import { listItems, listPhases } from "@/lib/backlog/data";
import { listComponents } from "@/lib/components/data";
import { itemFilterSchema, type ItemSort } from "@/lib/backlog/schema";
import { itemsCsvUrl, itemsUrl, newItemUrl } from "@/lib/backlog/urls";
import { listAssignees } from "@/lib/users/data";
import { mayOn } from "@/lib/products/data";
import { pageProduct } from "@/lib/products/page";
import { requirePageUser } from "@/lib/auth/session";
import { pagePath } from "@/lib/auth/next-path";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Items" };

const COLUMNS: { label: string; sort: ItemSort }[] = [
  { label: "Key", sort: "key" },
  { label: "Title", sort: "title" },
  { label: "Category", sort: "category" },
  { label: "Priority", sort: "priority" },
  { label: "Status", sort: "status" },
  { label: "Effort", sort: "effort" },
  { label: "Due", sort: "due" },
];

export default async function ItemsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const raw = await searchParams;
  const user = await requirePageUser(pagePath("/items", raw));
  const parsed = itemFilterSchema.safeParse(raw);
  // A hand-edited URL with a bad value shows everything rather than an error page.
  const query = parsed.success ? parsed.data : itemFilterSchema.parse({ product: typeof raw.product === "string" ? raw.product : undefined });
  const filter = { ...query, product: await pageProduct(user, query.product) };
  const [{ items, total, product }, phases, components, people] = await Promise.all([
    listItems(filter, { userId: user.id }),
    listPhases(filter.product),
    listComponents(filter.product),
    filter.product ? listAssignees(filter.product) : Promise.resolve([]),
  ]);
  const canEdit = product !== null && (await mayOn(user, product, "edit_items"));
  const phaseOptions = phases.map((p) => ({ value: p.key, label: p.name }));
  const peopleOptions = people.map((p) => ({ value: p.email, label: p.id === user.id ? `${p.name || p.email} (me)` : p.name || p.email }));
  const { limit, offset, sort, dir, ...rest } = filter;
  const base = { ...rest, sort, dir };

  const headers: SortHeader[] = COLUMNS.map((c) => ({
    label: c.label,
    sort: c.sort,
    active: sort === c.sort ? dir : null,
    href: itemsUrl({ ...rest, sort: c.sort, dir: sort === c.sort && dir === "asc" ? "desc" : "asc" }),
  }));

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold">Backlog items</h1>
        <div className="flex items-center gap-3">
          <LiveRefresh product={product} />
          <p className="text-sm text-muted" aria-live="polite">
            {total} {total === 1 ? "item" : "items"}
          </p>
          {product && canEdit && (
            <Link href={newItemUrl(product, { phase: rest.phase && rest.phase !== "none" ? rest.phase : undefined })} className="rounded-md bg-brand-600 px-2.5 py-1 text-sm font-medium text-on-brand hover:bg-brand-700">
              New item
            </Link>
          )}
          {product && total > 0 && (
            <a href={itemsCsvUrl(base)} download className="rounded-md border border-line bg-white px-2.5 py-1 text-sm font-medium hover:bg-gray-50" data-testid="export-csv">
              Export CSV
            </a>
          )}
        </div>
      </div>
      <ItemFilters phases={phaseOptions} components={components.map((c) => ({ value: c.slug, label: c.name }))} people={peopleOptions} />
      {product && <SavedViews product={product} />}
      {!product ? (
        <EmptyState title="No backlog yet">
          <Link href="/import" className="text-blue-700 underline">Import a backlog document</Link> to create items.
        </EmptyState>
      ) : items.length === 0 ? (
        <EmptyState title="No items match these filters">Change or clear the filters to see more.</EmptyState>
      ) : (
        <ItemsTable
          items={items}
          headers={headers}
          product={product}
          today={isoDay(new Date())}
          bulk={canEdit ? { phases: phaseOptions, people: peopleOptions.map((p) => ({ value: p.value, label: p.label })) } : undefined}
        />
      )}
      <Pagination offset={offset} limit={limit} total={total} hrefFor={(next) => itemsUrl({ ...base, offset: next })} />
    </div>
  );
}
