// The origin Certboard is served from: CERTBOARD_URL when set (behind a reverse proxy), otherwise
// the request's own host. Browsers cannot forge Host or Origin on a cross-site request, so a
// cookie-carrying write whose Origin differs from this did not come from our pages.
export function expectedOrigin(req: Request): string {
  if (process.env.CERTBOARD_URL) return new URL(process.env.CERTBOARD_URL).origin;
  const url = new URL(req.url);
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host") ?? url.host;
  const proto = req.headers.get("x-forwarded-proto") ?? url.protocol.replace(":", "");
  return `${proto}://${host}`;
}
