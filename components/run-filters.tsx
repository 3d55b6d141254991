import Form from "next/form";
import Link from "next/link";

type Option = { value: string; label: string };

/**
 * A GET form (next/form: client-side navigation, and a plain form before scripts load): the filters
 * live in the URL. Submitting starts again at the first page (no offset field); the key resets the
 * selects when the URL changes from elsewhere (Clear filters, back button).
 */
export function RunFilters({ product, component, arch, components, architectures }: {
  product?: string;
  component?: string;
  arch?: string;
  components: Option[];
  architectures: readonly string[];
}) {
  const archOptions = arch && !architectures.includes(arch) ? [...architectures, arch] : architectures;
  const select = "mt-1 rounded-md border border-line bg-white px-2 py-1.5 text-sm text-ink";
  return (
    <Form key={`${component ?? ""}|${arch ?? ""}`} action="/runs" role="search" aria-label="Filter runs" className="flex flex-wrap items-end gap-3">
      {product && <input type="hidden" name="product" value={product} />}
      <label className="flex flex-col text-xs font-medium text-muted">
        Component
        <select name="component" defaultValue={component ?? ""} className={select}>
          <option value="">All</option>
          {components.map((c) => <option key={c.value} value={c.value}>{c.label}</option>)}
        </select>
      </label>
      <label className="flex flex-col text-xs font-medium text-muted">
        Architecture
        <select name="arch" defaultValue={arch ?? ""} className={select}>
          <option value="">All</option>
          {archOptions.map((a) => <option key={a} value={a}>{a}</option>)}
        </select>
      </label>
      <button type="submit" className="rounded-md border border-line bg-white px-3 py-1.5 text-sm font-medium hover:bg-gray-50">Filter</button>
      {(component || arch) && (
        <Link href={product ? `/runs?product=${encodeURIComponent(product)}` : "/runs"} className="px-2 py-1.5 text-sm text-blue-700 hover:underline">
          Clear filters
        </Link>
      )}
    </Form>
  );
}
