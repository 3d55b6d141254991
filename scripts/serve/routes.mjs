/**
 * The route template a request path belongs to (`/api/v1/items/P1-3` → `/api/v1/items/[key]`), read
 * from the app-path-routes-manifest.json `next build` writes, so metrics are labelled per route and
 * not per URL (a label per item key would grow without bound). Pure; tested in routes.test.ts.
 */

/** @typedef {{ template: string, parts: string[] }} Route */

/** Static segments outrank dynamic ones, which outrank catch-alls; optional catch-alls come last. */
const rank = (/** @type {string} */ part) => (part.startsWith("[[...") ? 3 : part.startsWith("[...") ? 2 : part.startsWith("[") ? 1 : 0);

/** @param {Route} a @param {Route} b */
function bySpecificity(a, b) {
  for (let i = 0; i < Math.max(a.parts.length, b.parts.length); i++) {
    const x = a.parts[i];
    const y = b.parts[i];
    if (x === undefined || y === undefined) return x === undefined ? 1 : -1;
    const d = rank(x) - rank(y);
    if (d !== 0) return d;
  }
  return 0;
}

/** @param {string[]} parts @param {string[]} segments */
function matches(parts, segments) {
  for (let i = 0; i < parts.length; i++) {
    const part = /** @type {string} */ (parts[i]);
    const r = rank(part);
    if (r === 3) return true;
    if (r === 2) return segments.length > i;
    const segment = segments[i];
    if (segment === undefined) return false;
    if (r === 0 && segment !== part) return false;
  }
  return segments.length === parts.length;
}

/** What a path outside the app's routes is labelled: Next's own files, or one label for everything else. */
function outside(/** @type {string} */ pathname) {
  if (pathname.startsWith("/_next/static/")) return "/_next/static";
  if (pathname.startsWith("/_next/")) return "/_next";
  return "(other)";
}

/**
 * A matcher over the manifest's route templates (its values; route groups are already gone there).
 * @param {Record<string, string>} manifest
 * @returns {(url: string) => string}
 */
export function routeMatcher(manifest) {
  const routes = [...new Set(Object.values(manifest))].map((template) => ({ template, parts: template.split("/").filter(Boolean) })).sort(bySpecificity);
  return (url) => {
    const pathname = url.split("?")[0] ?? "/";
    let segments;
    try {
      segments = pathname.split("/").filter(Boolean).map((s) => decodeURIComponent(s));
    } catch {
      return "(other)";
    }
    return routes.find((route) => matches(route.parts, segments))?.template ?? outside(pathname);
  };
}
