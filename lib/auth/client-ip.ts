// The client address used to key rate limits. `next start` fills X-Forwarded-For from the socket
// only when the request has none, so without a reverse proxy a client can choose its own value:
// limits are therefore also keyed by account (sign-in) so rotating addresses does not help.
export function clientIp(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for");
  const hops = forwarded?.split(",").map((h) => h.trim()).filter(Boolean) ?? [];
  // With N trusted proxies in front, the client is N hops from the right.
  const trusted = Number(process.env.CERTBOARD_TRUSTED_PROXIES ?? "0");
  const index = Math.max(0, hops.length - 1 - (Number.isInteger(trusted) && trusted > 0 ? trusted : 0));
  return hops[index] ?? headers.get("x-real-ip") ?? "unknown";
}
