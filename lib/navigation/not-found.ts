// What a not-found page says: the record the address names and where to go instead. Pure, so
// the one root not-found page serves every segment (Next gives not-found pages no params).

/** The request header proxy.ts sets to the page's path and query, for the not-found page. */
export const URL_HEADER = "x-certboard-url";

export type MissingLink = { href: string; label: string };
export type Missing = {
  /** "item NOPE-999", "preflight run 1a2b…", or null for an address that names no record. */
  what: string | null;
  /** The product the address names (`?product=`), if any. */
  product: string | null;
  path: string;
  links: MissingLink[];
};

const RECORDS: Record<string, { noun: string; list: MissingLink }> = {
  items: { noun: "item", list: { href: "/items", label: "All items" } },
  components: { noun: "component", list: { href: "/", label: "Overview (every component)" } },
  phases: { noun: "phase", list: { href: "/phases", label: "All phases" } },
  runs: { noun: "preflight run", list: { href: "/runs", label: "All preflight runs" } },
};

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Describes the address `url` (a path with an optional query, as the proxy passes it on). */
export function describeMissing(url: string): Missing {
  const parsed = new URL(url, "http://certboard.invalid");
  const product = parsed.searchParams.get("product") || null;
  const withProduct = (href: string) => (product ? `${href}${href.includes("?") ? "&" : "?"}product=${encodeURIComponent(product)}` : href);
  const [section, id, ...rest] = parsed.pathname.split("/").filter(Boolean);
  const record = section ? RECORDS[section] : undefined;
  const overview = { href: withProduct("/"), label: "Overview" };
  if (record && id && rest.length === 0) {
    return { what: `${record.noun} ${decode(id)}`, product, path: parsed.pathname, links: [{ ...record.list, href: withProduct(record.list.href) }, overview] };
  }
  return { what: null, product, path: decode(parsed.pathname), links: [overview, { href: withProduct("/items"), label: "All items" }] };
}
