import { describe, expect, it } from "vitest";
import { clientIp, isLoopback, PEER_HEADER } from "@/lib/auth/client-ip";

const headers = (peer: string | null, forwarded?: string) => {
  const h = new Headers();
  if (peer !== null) h.set(PEER_HEADER, peer);
  if (forwarded !== undefined) h.set("x-forwarded-for", forwarded);
  return h;
};

describe("clientIp", () => {
  it("without trusted proxies uses the socket's address and ignores a client-sent X-Forwarded-For", () => {
    expect(clientIp(headers("203.0.113.9", "127.0.0.1, 10.1.1.1"), 0)).toBe("203.0.113.9");
    expect(clientIp(headers("::ffff:198.51.100.7", "1.2.3.4"), 0)).toBe("198.51.100.7");
  });

  it("with N trusted proxies reads the Nth hop from the right", () => {
    // One proxy: it appended the client; whatever the client sent stands to its left.
    expect(clientIp(headers("10.0.0.2", "6.6.6.6, 203.0.113.9"), 1)).toBe("203.0.113.9");
    // Two proxies: the outer appended the client, the inner appended the outer.
    expect(clientIp(headers("10.0.0.3", "6.6.6.6, 203.0.113.9, 10.0.0.2"), 2)).toBe("203.0.113.9");
  });

  it("falls back to the peer when fewer hops arrived than proxies are configured", () => {
    expect(clientIp(headers("10.0.0.2", ""), 1)).toBe("10.0.0.2");
    expect(clientIp(headers("10.0.0.3", "203.0.113.9"), 2)).toBe("10.0.0.3");
  });

  it('is "unknown" when no server said who the peer is, whatever X-Forwarded-For claims', () => {
    expect(clientIp(headers(null, "127.0.0.1"), 0)).toBe("unknown");
  });
});

describe("isLoopback", () => {
  it("is true only for this machine's addresses as the client", () => {
    expect(isLoopback(headers("127.0.0.1"))).toBe(true);
    expect(isLoopback(headers("::1"))).toBe(true);
    expect(isLoopback(headers("::ffff:127.0.0.1"))).toBe(true);
    expect(isLoopback(headers("192.168.1.5", "127.0.0.1"))).toBe(false);
    expect(isLoopback(headers(null, "127.0.0.1"))).toBe(false);
  });
});
