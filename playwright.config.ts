import { chmodSync, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);
// A throwaway embedded database per run, on its own port, so a running dev server is never touched.
if (!process.env.CERTBOARD_E2E_DATA_DIR) {
  process.env.CERTBOARD_E2E_DATA_DIR = mkdtempSync(path.join(os.tmpdir(), "certboard-e2e-"));
  // PostgreSQL runs as the OS user "postgres" when we are root: it must be able to enter the folder.
  chmodSync(process.env.CERTBOARD_E2E_DATA_DIR, 0o755);
}

export default defineConfig({
  testDir: "e2e",
  outputDir: "e2e-artifacts",
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [["list"], ["json"]] : [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  projects: [
    // First-run setup on the fresh database, then the people every other spec signs in as.
    // "hostile" runs as its teardown: after every project that needs the people, pass or fail.
    { name: "setup", testMatch: /auth\.setup\.ts/, teardown: "hostile" },
    {
      name: "laptop",
      dependencies: ["setup"],
      testIgnore: /hostile-input\.spec\.ts/,
      use: { ...devices["Desktop Chrome"], viewport: { width: 1366, height: 900 }, storageState: "e2e/.auth/engineer.json" },
    },
    // Tablet width: the read-only views a product manager opens on the go.
    {
      name: "tablet",
      dependencies: ["setup"],
      testMatch: /overview\.spec\.ts/,
      use: { ...devices["Desktop Chrome"], viewport: { width: 820, height: 1180 }, hasTouch: true, storageState: "e2e/.auth/viewer.json" },
    },
    // The hostile-input corpus counts every table before and after each input, so it runs alone,
    // once the other specs are done. Alone: `npx playwright test e2e/auth.setup.ts e2e/hostile-input.spec.ts`.
    {
      name: "hostile",
      testMatch: /hostile-input\.spec\.ts/,
      use: { ...devices["Desktop Chrome"] },
    },
    // `npm run screenshots` (SCREENSHOTS=1): the README's pictures, with a setup of their own so the
    // hostile corpus does not run after them.
    ...(process.env.SCREENSHOTS
      ? [
          { name: "shots-setup", testMatch: /auth\.setup\.ts/ },
          { name: "screenshots", dependencies: ["shots-setup"], testMatch: /\.shot\.ts/, use: { ...devices["Desktop Chrome"] } },
        ]
      : []),
  ],
  webServer: {
    command: `node scripts/with-db.mjs --migrate --seed node scripts/serve.mjs -p ${port}`,
    url: `http://127.0.0.1:${port}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    // SIGTERM lets the wrapper stop the embedded PostgreSQL cleanly (SIGKILL would leave a stale lock).
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
    env: {
      // Always a fresh database: the run starts with the first-run setup.
      DATABASE_URL: process.env.CERTBOARD_E2E_DATABASE_URL ?? "",
      CERTBOARD_DATA_DIR: process.env.CERTBOARD_E2E_DATA_DIR,
      CERTBOARD_DB_PORT: process.env.CERTBOARD_E2E_DB_PORT ?? "24339",
      // The hostile corpus plays a reverse proxy, giving each input its own X-Forwarded-For client
      // address so rate limits never decide an outcome; browsers send none, so they are the socket peer.
      CERTBOARD_TRUSTED_PROXIES: "1",
      // One server process, as before the cluster: specs that count or order things see one process.
      CERTBOARD_WORKERS: "1",
      // Syncs with Red Hat's catalog only when a spec asks (Sync now), never on the half hour mid-spec.
      CERTBOARD_PYXIS_SYNC_MINUTES: "0",
    },
  },
});
