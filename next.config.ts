import type { NextConfig } from "next";
import { API_CSP, STATIC_SECURITY_HEADERS } from "./lib/security-headers";
import { sourceHash } from "./scripts/build-stamp.mjs";

const common = Object.entries(STATIC_SECURITY_HEADERS).map(([key, value]) => ({ key, value }));

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // The build id says what the build was made from: `npm start` rebuilds when the checkout differs.
  generateBuildId: () => sourceHash(),
  // The CLI and tests share lib/; keep pg and its adapter as plain Node modules on the server.
  // prom-client too: scripts/serve.mjs and the app must share its one registry (lib/metrics).
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "prom-client"],
  async headers() {
    return [
      { source: "/:path*", headers: common },
      // Pages get a nonce-based CSP from proxy.ts; the API and static files get a static one.
      // /api/docs is a page (the API reference), so it is left to proxy.ts.
      { source: "/api/:path((?!docs$).*)", headers: [{ key: "Content-Security-Policy", value: API_CSP }] },
      { source: "/_next/:path*", headers: [{ key: "Content-Security-Policy", value: API_CSP }] },
    ];
  },
};

export default nextConfig;
