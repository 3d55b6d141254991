import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // The CLI and tests share lib/; keep Prisma's generated client and pg on the server only.
  serverExternalPackages: ["pg", "@prisma/adapter-pg"],
  typedRoutes: false,
};

export default nextConfig;
