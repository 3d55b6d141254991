import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = {
  "@": path.resolve(import.meta.dirname),
  // `server-only` throws outside React Server Components; tests call data functions directly.
  "server-only": path.resolve(import.meta.dirname, "scripts/empty-module.mjs"),
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          globalSetup: ["tests/build-workers.setup.ts"],
          include: ["lib/**/*.test.ts", "bin/**/*.test.ts", "scripts/**/*.test.ts", "deploy/**/*.test.ts"],
          exclude: ["**/*.int.test.ts", "node_modules/**"],
        },
      },
      {
        // Route handlers' answers are checked against the OpenAPI document (tests/openapi-http.ts).
        resolve: { alias: { "@/lib/http": path.resolve(import.meta.dirname, "tests/openapi-http.ts"), ...alias } },
        test: {
          name: "integration",
          globalSetup: ["tests/build-workers.setup.ts"],
          include: ["**/*.int.test.ts"],
          exclude: ["node_modules/**", ".next/**"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Workers these tests start never sync with Red Hat's catalog on their own: a sync on the
          // half hour would read other files' connected products while a test counts syncs.
          env: { CERTBOARD_PYXIS_SYNC_MINUTES: "0" },
          // Integration files share one PostgreSQL server; each creates its own database.
          fileParallelism: false,
        },
      },
      {
        resolve: { alias },
        test: {
          // Faults and concurrency against real `next start` servers (needs the .next build).
          name: "system",
          include: ["tests/system/**/*.sys.test.ts"],
          globalSetup: ["tests/system/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Files start servers on fixed loopback ports and the machine may have two cores.
          fileParallelism: false,
        },
      },
    ],
  },
});
