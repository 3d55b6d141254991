// Where sign-in sends people afterwards. `?next=` comes from the address bar, so only a path on
// this site is followed: never another origin ("//evil", "/\evil") and never back to sign-in itself.
const FALLBACK = "/";
const BASE = "http://certboard.invalid";

export function safeNextPath(value: unknown): string {
  if (typeof value !== "string" || value.length > 2000 || !value.startsWith("/")) return FALLBACK;
  // Tabs and newlines are dropped by URL parsers and could hide a "//" inside the path.
  if ([...value].some((char) => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f)) return FALLBACK;
  const url = new URL(value, BASE);
  // The path is checked as it will be sent, after normalising: "/.//evil", "/a/..//evil" and
  // "/%2e//evil" all become "//evil", which a browser reads as another origin ("\\" becomes "/").
  const path = url.pathname;
  if (url.origin !== BASE || path.startsWith("//") || path.startsWith("/sign-in") || path.startsWith("/setup")) return FALLBACK;
  return `${path}${url.search}${url.hash}`;
}

/** The path and query of the page being rendered, for `requirePageUser(next)`. */
export function pagePath(pathname: string, searchParams: Record<string, string | string[] | undefined>): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(searchParams)) {
    for (const item of [value ?? []].flat()) query.append(name, item);
  }
  const search = query.toString();
  return search ? `${pathname}?${search}` : pathname;
}
