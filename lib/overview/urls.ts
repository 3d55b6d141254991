// Shareable URLs of the overview and its downloads: every filter lives in the query string.

const query = (params: Record<string, string | undefined>) => {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value) search.set(name, value);
  const qs = search.toString();
  return qs ? `?${qs}` : "";
};

export function overviewUrl(params: { product?: string; component?: string; kind?: string; changes?: "all"; readiness?: "all" }): string {
  return `/${query(params)}`;
}

export function statusReportUrl(product?: string): string {
  return `/api/v1/report${query({ product, format: "md" })}`;
}

/** The product's components, the index of their boards. */
export function componentsUrl(product?: string): string {
  return `/components${query({ product })}`;
}

export function componentUrl(slug: string, product?: string | null): string {
  return `/components/${encodeURIComponent(slug)}${query({ product: product ?? undefined })}`;
}
