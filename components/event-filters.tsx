import Form from "next/form";
import Link from "next/link";
import { EVENT_KINDS, EVENT_KIND_LABELS } from "@/lib/overview/schema";
import { overviewUrl } from "@/lib/overview/urls";

type Option = { value: string; label: string };

/**
 * The "what changed" filters as a GET form (next/form): they live in the URL, so a filtered view
 * is a link to share. The key resets the selects when the URL changes from elsewhere.
 */
export function EventFilters({ product, component, kind, components }: { product?: string; component?: string; kind?: string; components: Option[] }) {
  const select = "mt-1 rounded-md border border-line bg-white px-2 py-1.5 text-sm text-ink";
  return (
    <Form
      key={`${component ?? ""}|${kind ?? ""}`}
      action="/"
      scroll={false}
      role="search"
      aria-label="Filter what changed"
      className="flex flex-wrap items-end gap-3 print:hidden"
    >
      {product && <input type="hidden" name="product" value={product} />}
      <label className="flex flex-col text-xs font-medium text-muted">
        Component
        <select name="component" defaultValue={component ?? ""} className={select}>
          <option value="">All</option>
          {components.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col text-xs font-medium text-muted">
        Kind
        <select name="kind" defaultValue={kind ?? ""} className={select}>
          <option value="">All</option>
          {EVENT_KINDS.map((k) => (
            <option key={k} value={k}>
              {EVENT_KIND_LABELS[k]}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="rounded-md border border-line bg-white px-3 py-1.5 text-sm font-medium hover:bg-gray-50">
        Filter
      </button>
      {(component || kind) && (
        <Link href={overviewUrl({ product })} scroll={false} className="px-2 py-1.5 text-sm text-blue-700 hover:underline">
          Clear filters
        </Link>
      )}
    </Form>
  );
}
