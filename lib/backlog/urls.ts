// URLs that carry filters, so every view is shareable and the back button works.
export type ItemsQuery = Partial<Record<"product" | "category" | "status" | "priority" | "phase" | "component" | "q" | "assignee" | "overdue" | "sort" | "dir" | "offset", string | number | boolean | undefined>>;

export function itemsUrl(query: ItemsQuery): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== "" && !(name === "offset" && value === 0)) params.set(name, String(value));
  }
  const qs = params.toString();
  return qs ? `/items?${qs}` : "/items";
}

export function itemUrl(key: string, product?: string): string {
  return `/items/${encodeURIComponent(key)}${product ? `?product=${encodeURIComponent(product)}` : ""}`;
}

/** The new item form, with fields preset by the page that links to it (a phase column, a filtered list). */
export function newItemUrl(product: string, preset: { phase?: string; status?: string } = {}): string {
  const params = new URLSearchParams({ product });
  for (const [name, value] of Object.entries(preset)) if (value) params.set(name, value);
  return `/items/new?${params.toString()}`;
}

/** The CSV of exactly the items a filtered /items view matches (every page of it), in its sort order. */
export function itemsCsvUrl(query: ItemsQuery): string {
  const params = new URLSearchParams({ format: "csv" });
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== "" && name !== "offset") params.set(name, String(value));
  }
  return `/api/v1/backlog/export?${params.toString()}`;
}
