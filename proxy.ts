import { NextResponse, type NextRequest } from "next/server";
import { URL_HEADER } from "@/lib/navigation/not-found";
import { pageCsp } from "@/lib/security-headers";

// Gives every page render a fresh script nonce (Next applies it to its own scripts) and the CSP
// that requires it, and passes the requested address on for the not-found page. Authorization is
// not decided here: every page and route checks for itself.
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = pageCsp(nonce, {
    dev: process.env.NODE_ENV === "development",
    https: request.headers.get("x-forwarded-proto") === "https" || request.nextUrl.protocol === "https:",
  });
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("Content-Security-Policy", csp);
  // Not-found pages get no params: they read the address from here to name what is missing.
  headers.set(URL_HEADER, request.nextUrl.pathname + request.nextUrl.search);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

// Static literals only: Next reads this config at build time.
export const config = {
  matcher: [
    {
      source: "/((?!api|_next/static|_next/image|favicon.ico|icon.svg|apple-icon.png).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
    {
      // The one page under /api: the API reference.
      source: "/api/docs",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
