// The client address rate limits and the first-run setup's loopback check use.
//
// scripts/serve.mjs puts the TCP peer in `x-certboard-peer` on every request, overwriting anything a
// client sent. With no trusted proxy (CERTBOARD_TRUSTED_PROXIES unset or 0) that peer is the client
// and X-Forwarded-For is ignored: a client could write anything there. With N trusted proxies, each
// appended the address it was reached from, so the client is the Nth entry from the right.

/** Set by scripts/serve.mjs from the socket; never trusted from anywhere else. */
export const PEER_HEADER = "x-certboard-peer";

/** How many reverse proxies in front of Certboard append to X-Forwarded-For. */
export function trustedProxies(env: Readonly<Record<string, string | undefined>> = process.env): number {
  const value = Number(env.CERTBOARD_TRUSTED_PROXIES ?? "0");
  return Number.isInteger(value) && value > 0 ? value : 0;
}

/** `::ffff:10.0.0.1` is the IPv4 address 10.0.0.1 arriving on an IPv6 socket. */
const unmapped = (address: string) => address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "");

/** The client's address, or "unknown" when the server did not say (a server other than serve.mjs). */
export function clientIp(headers: Pick<Headers, "get">, proxies = trustedProxies()): string {
  const peer = headers.get(PEER_HEADER)?.trim() || null;
  if (proxies > 0) {
    const hops = (headers.get("x-forwarded-for") ?? "").split(",").map((hop) => hop.trim()).filter(Boolean);
    // Fewer hops than proxies: the request did not come through all of them; the peer is all we know.
    const client = hops.length >= proxies ? hops[hops.length - proxies] : null;
    if (client) return unmapped(client);
  }
  return peer ? unmapped(peer) : "unknown";
}

const LOOPBACK = /^(127(\.\d{1,3}){3}|::1)$/;

/** Whether the request comes from this machine (and, behind trusted proxies, from the client's side too). */
export function isLoopback(headers: Pick<Headers, "get">): boolean {
  return LOOPBACK.test(clientIp(headers));
}
