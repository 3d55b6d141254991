import type { APIRequestContext } from "@playwright/test";
import { checkAccessible, horizontalOverflow, seriousViolations } from "./axe";
import { uploadDemoRuns as demoRuns, expect, test } from "./fixtures";
import { stateFile } from "./people";

// Every page of the app, each checked with axe (WCAG 2.1 A/AA, no serious or critical violation) and for
// sideways page scrolling, at a laptop and a narrow window, in the light and the dark colour scheme
// (the system setting, which the app follows by default), with a full-page screenshot kept of each.
// Add a page here and it is checked at both widths in both schemes. Pages read the seeded demo product.

type Who = "engineer" | "viewer" | "admin" | "anonymous";
type PageCase = {
  name: string;
  /** The address, or a function that first creates what the page shows through the app's own doors. */
  path: string | ((request: APIRequestContext) => Promise<string>);
  /** The page's h1: proves the page itself rendered, not a sign-in redirect or an error. */
  heading: string | RegExp;
  as?: Who;
  /** A long page (the API reference: every operation and schema): axe needs more than the default minute. */
  slow?: boolean;
};

const DEMO = "neuron-operator";
const q = `product=${DEMO}`;

const PAGES: PageCase[] = [
  { name: "overview", path: `/?${q}`, heading: "Executive summary" },
  { name: "items", path: `/items?${q}`, heading: "Backlog items" },
  { name: "items-filtered", path: `/items?${q}&category=critical_blocker&priority=P0&status=not_started&q=container`, heading: "Backlog items" },
  { name: "items-no-match", path: `/items?${q}&q=no-such-item-anywhere`, heading: "Backlog items" },
  { name: "item", path: `/items/P0-1?${q}`, heading: "Container Certification Prerequisites" },
  { name: "item-viewer", path: `/items/P0-1?${q}`, heading: "Container Certification Prerequisites", as: "viewer" },
  { name: "item-not-found", path: `/items/NOPE-404?${q}`, heading: "Not found" },
  { name: "new-item", path: `/items/new?${q}`, heading: "New item" },
  { name: "my-work", path: `/me?${q}`, heading: "My work" },
  { name: "notifications", path: "/notifications", heading: "Notifications" },
  { name: "import", path: `/import?${q}`, heading: "Import & export" },
  { name: "export-viewer", path: `/import?${q}`, heading: "Export", as: "viewer" },
  { name: "upload", path: `/upload?${q}`, heading: "Upload preflight results" },
  { name: "upload-viewer", path: `/upload?${q}`, heading: "Upload preflight results", as: "viewer" },
  { name: "runs", path: async (request) => (await demoRuns(request), `/runs?${q}`), heading: "Preflight runs" },
  { name: "run", path: async (request) => `/runs/${(await demoRuns(request)).failing}`, heading: "Operator image · amd64" },
  {
    name: "run-compare",
    path: async (request) => {
      const { passing, failing } = await demoRuns(request);
      return `/runs/compare?${q}&from=${passing}&to=${failing}`;
    },
    heading: "Compare preflight runs",
  },
  { name: "component", path: async (request) => (await demoRuns(request), `/components/neuron-openshift-operator?${q}`), heading: "Operator image" },
  { name: "components", path: async (request) => (await demoRuns(request), `/components?${q}`), heading: "Components" },
  { name: "component-placeholder", path: `/components/node-metrics-image?${q}`, heading: "Node metrics" },
  { name: "phases", path: `/phases?${q}`, heading: "Phases" },
  { name: "phase", path: `/phases/phase-1?${q}`, heading: /^Phase 1: / },
  { name: "settings", path: "/settings", heading: "Settings" },
  { name: "tokens", path: "/settings/tokens", heading: "Settings" },
  { name: "notification settings", path: "/settings/notifications", heading: "Settings" },
  { name: "tokens-admin", path: "/settings/tokens", heading: "Settings", as: "admin" },
  { name: "users-admin", path: "/settings/users", heading: "Settings", as: "admin" },
  { name: "integrations-admin", path: `/settings/integrations?${q}`, heading: "Settings", as: "admin" },
  { name: "webhooks-admin", path: "/settings/webhooks", heading: "Settings", as: "admin" },
  { name: "sign-in", path: "/sign-in", heading: "Sign in to Certboard", as: "anonymous" },
  { name: "api-docs", path: "/api/docs", heading: /^Certboard API/, as: "anonymous", slow: true },
  // /setup exists only on a fresh database: auth.setup.ts checks it before creating the first admin.
];

const WIDTHS = [1280, 800] as const;
const SCHEMES = ["light", "dark"] as const;

const storageFor = (who: Who) => (who === "anonymous" ? { cookies: [], origins: [] } : stateFile(who));

for (const entry of PAGES) {
  for (const width of WIDTHS) {
    for (const colorScheme of SCHEMES) {
      test.describe(`${entry.name} at ${width} px, ${colorScheme}`, () => {
        test.use({ viewport: { width, height: 900 }, storageState: storageFor(entry.as ?? "engineer"), colorScheme });

        test(`${entry.name} has no serious accessibility violations in ${colorScheme} and fits ${width} px`, async ({ page, request }, testInfo) => {
          test.slow(entry.slow === true);
          const url = typeof entry.path === "string" ? entry.path : await entry.path(request);
          await page.goto(url);
          await expect(page.getByRole("heading", { level: 1, name: entry.heading })).toBeVisible();
          // The page really is in the scheme under test (the app follows the system setting by default).
          expect(await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme)).toBe(colorScheme);
          await checkAccessible(page, testInfo, `${entry.name}-${width}-${colorScheme}`);
        });
      });
    }
  }
}

// The checks themselves must be able to fail: a page with known problems is caught by both.
test("the checks catch low contrast, an unlabelled field and a page wider than the window", async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 800, height: 600 });
  await page.setContent(`<!doctype html><html lang="en"><title>t</title><main>
    <h1>Broken</h1><p style="color:#bbb;background:#fff">faint</p><input type="text">
    <div style="width:1200px">wide</div></main></html>`);
  const found = await seriousViolations(page, testInfo);
  expect(found.some((line) => line.startsWith("color-contrast (serious)"))).toBe(true);
  expect(found.some((line) => line.startsWith("label (critical)"))).toBe(true);
  const overflow = await horizontalOverflow(page);
  expect(overflow.scrollWidth).toBeGreaterThan(overflow.clientWidth + 1);
  expect(overflow.culprits.join(" ")).toContain("div (right edge 1208 px)");
});
