import { readFileSync } from "node:fs";
import path from "node:path";
import type { APIRequestContext, Page } from "@playwright/test";
import { expectNoSeriousViolations, keepScreenshot } from "./axe";
import {
  asOperatorRun,
  BACKLOG_FIXTURE,
  DEMO_OPERATOR,
  DEMO_PRODUCT,
  DEMO_RESULTS,
  expect,
  importIntoNewProduct,
  PREFLIGHT_DIR,
  readBacklogFixture,
  test,
  uploadDemoRuns,
} from "./fixtures";
import { ENGINEER, stateFile, TOKEN_FILE } from "./people";

// A 390 px phone: every page fits the window (nothing scrolls sideways), the header is one row, and
// the menu that replaces the navigation works from the keyboard. Pages read the seeded demo product.

const PHONE = { width: 390, height: 844 };
const q = `product=${DEMO_PRODUCT}`;
/** One row of the compact header: 56 px and its border. */
const ONE_ROW = 60;

type Keys = { item: string; phase: string; runs: { passing: string; failing: string } };

/** The demo's first item and first phase as the API lists them, and two runs of its operator image. */
async function demoKeys(request: APIRequestContext): Promise<Keys> {
  const { token } = JSON.parse(readFileSync(TOKEN_FILE, "utf8")) as { token: string };
  const headers = { authorization: `Bearer ${token}` };
  const items = (await (await request.get(`/api/v1/items?${q}&limit=1`, { headers })).json()) as { items: { key: string }[] };
  const phases = (await (await request.get(`/api/v1/phases?${q}`, { headers })).json()) as { phases: { key: string }[] };
  return { item: items.items[0]!.key, phase: phases.phases[0]!.key, runs: await uploadDemoRuns(request) };
}

type Who = "engineer" | "admin" | "anonymous";
type PageCase = { name: string; path: (keys: Keys) => string; heading: string | RegExp; as?: Who };

const PAGES: PageCase[] = [
  { name: "overview", path: () => `/?${q}`, heading: "Executive summary" },
  { name: "items", path: () => `/items?${q}`, heading: "Backlog items" },
  { name: "item", path: (k) => `/items/${k.item}?${q}`, heading: /\S/ },
  { name: "item-not-found", path: () => `/items/NOPE-404?${q}`, heading: "Not found" },
  { name: "new-item", path: () => `/items/new?${q}`, heading: "New item" },
  { name: "my-work", path: () => `/me?${q}`, heading: "My work" },
  { name: "notifications", path: () => "/notifications", heading: "Notifications" },
  { name: "phases", path: () => `/phases?${q}`, heading: "Phases" },
  { name: "phase", path: (k) => `/phases/${k.phase}?${q}`, heading: /^Phase \d+: / },
  { name: "components", path: () => `/components?${q}`, heading: "Components" },
  { name: "component", path: () => `/components/${DEMO_OPERATOR}?${q}`, heading: "Operator image" },
  { name: "runs", path: () => `/runs?${q}`, heading: "Preflight runs" },
  { name: "run", path: (k) => `/runs/${k.runs.failing}`, heading: /·/ },
  { name: "run-compare", path: (k) => `/runs/compare?${q}&from=${k.runs.passing}&to=${k.runs.failing}`, heading: "Compare preflight runs" },
  { name: "upload", path: () => `/upload?${q}`, heading: "Upload preflight results" },
  { name: "import", path: () => `/import?${q}`, heading: "Import & export" },
  { name: "settings", path: () => "/settings", heading: "Settings" },
  { name: "notification-settings", path: () => "/settings/notifications", heading: "Settings" },
  { name: "tokens", path: () => "/settings/tokens", heading: "Settings", as: "admin" },
  { name: "users", path: () => "/settings/users", heading: "Settings", as: "admin" },
  { name: "integrations", path: () => `/settings/integrations?${q}`, heading: "Settings", as: "admin" },
  { name: "webhooks", path: () => "/settings/webhooks", heading: "Settings", as: "admin" },
  { name: "sign-in", path: () => "/sign-in", heading: "Sign in to Certboard", as: "anonymous" },
  { name: "api-docs", path: () => "/api/docs", heading: /^Certboard API/, as: "anonymous" },
  // /setup exists only on a fresh database: auth.setup.ts checks it at 390 px too.
];

const storageFor = (who: Who) => (who === "anonymous" ? { cookies: [], origins: [] } : stateFile(who));

/** Neither the document nor the body is wider than the window. */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const widths = await page.evaluate(() => ({
    window: window.innerWidth,
    document: document.documentElement.scrollWidth,
    body: document.body.scrollWidth,
  }));
  expect(widths.document, `document wider than the ${widths.window} px window`).toBeLessThanOrEqual(widths.window);
  expect(widths.body, `body wider than the ${widths.window} px window`).toBeLessThanOrEqual(widths.window);
}

for (const entry of PAGES) {
  test.describe(`${entry.name} on a phone`, () => {
    test.use({ viewport: PHONE, hasTouch: true, storageState: storageFor(entry.as ?? "engineer") });

    test(`${entry.name} fits 390 px with a one-row header`, async ({ page, request }, testInfo) => {
      await page.goto(entry.path(await demoKeys(request)));
      await expect(page.getByRole("heading", { level: 1, name: entry.heading })).toBeVisible();
      await keepScreenshot(page, testInfo, `phone-${entry.name}`);
      await expectNoSidewaysScroll(page);
      await expectNoSeriousViolations(page, testInfo);
      const header = await page.getByRole("banner").boundingBox();
      expect(header!.height).toBeLessThanOrEqual(ONE_ROW);
      await expect(page.getByRole("banner").getByTestId("theme-toggle")).toBeVisible();
    });
  });
}

test.describe("the compact header", () => {
  test.use({ viewport: PHONE, hasTouch: true });

  test("the menu opens and closes from the keyboard and closes on navigation", async ({ page }, testInfo) => {
    await page.goto(`/items?${q}`);
    await expect(page.getByRole("navigation", { name: "Main" })).toHaveCount(0);
    const menu = page.getByRole("button", { name: "Menu" });
    await menu.focus();
    await page.keyboard.press("Enter");
    await expect(menu).toHaveAttribute("aria-expanded", "true");
    const panel = page.locator(`#${await menu.getAttribute("aria-controls")}`);
    const nav = panel.getByRole("navigation", { name: "Main" });
    for (const name of ["Overview", "Items", "Phases", "Components", "Runs", "Settings"]) {
      await expect(nav.getByRole("link", { name, exact: true })).toBeVisible();
    }
    await expect(nav.getByRole("link", { name: "Phases", exact: true })).toHaveAttribute("href", `/phases?${q}`);
    await expect(nav.getByRole("link", { name: "Items", exact: true })).toHaveAttribute("aria-current", "page");
    await expect(panel.getByRole("button", { name: "Sign out" })).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath("menu-open.png") });

    await page.keyboard.press("Escape");
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await expect(panel).toBeHidden();
    await expect(menu).toBeFocused();

    // Space opens it again; Tab walks into the links; following one closes the menu.
    await page.keyboard.press("Space");
    await expect(menu).toHaveAttribute("aria-expanded", "true");
    await page.keyboard.press("Tab");
    await expect(nav.getByRole("link", { name: "Overview", exact: true })).toBeFocused();
    await nav.getByRole("link", { name: "Runs", exact: true }).focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(`/runs?${q}`);
    await expect(page.getByRole("heading", { level: 1, name: "Preflight runs" })).toBeVisible();
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await expect(panel).toBeHidden();
  });

  test("item and run lists show their Status and Result columns as cards", async ({ page, request }) => {
    await uploadDemoRuns(request);
    await page.goto(`/items?${q}`);
    const row = page.locator('[data-testid^="item-row-"]').first();
    const status = row.locator('[data-label="Status"]');
    await expect(status).toBeVisible();
    await expect(status).toHaveText(/\S/);
    await expect(status).toBeInViewport();
    const box = (await status.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);

    await page.goto(`/runs?${q}`);
    const result = page.getByTestId("run-row").first().locator('[data-label="Result"]');
    await expect(result).toBeVisible();
    await expect(result).toHaveText(/Passed|Failed/);
    const resultBox = (await result.boundingBox())!;
    expect(resultBox.x + resultBox.width).toBeLessThanOrEqual(PHONE.width);
  });
});

test.describe("results on a phone", () => {
  test.use({ viewport: PHONE, hasTouch: true });

  test("an import report and an upload's outcome fit 390 px", async ({ page, request }, testInfo) => {
    test.info().skip(readBacklogFixture() === null, "fixture missing");
    const product = `phone-${process.pid}-${Date.now().toString(36)}`;
    await page.goto("/import");
    await page.getByTestId("import-file").setInputFiles(BACKLOG_FIXTURE);
    await page.getByLabel("Product (slug)").fill(product);
    await page.getByRole("button", { name: "Import backlog" }).click();
    await expect(page.getByTestId("import-result")).toContainText("Imported 19 items");
    await keepScreenshot(page, testInfo, "phone-import-report");
    await expectNoSidewaysScroll(page);

    // A failing run with a long image reference, digest and check names, as the drop zone reports it.
    await uploadDemoRuns(request);
    const failing = readFileSync(path.join(PREFLIGHT_DIR, DEMO_RESULTS[1]!));
    await page.goto(`/upload?product=${product}`);
    await page.getByTestId("upload-files").setInputFiles({
      name: "failing.results.json",
      mimeType: "application/json",
      buffer: Buffer.from(asOperatorRun(failing, { fail: ["HasRequiredLabel"], commit: `phone-${Date.now()}` })),
    });
    await expect(page.locator('[data-testid="upload-row"][data-status="done"]')).toHaveCount(1, { timeout: 30_000 });
    await expect(page.getByTestId("upload-row")).toContainText("HasRequiredLabel");
    await keepScreenshot(page, testInfo, "phone-upload-result");
    await expectNoSidewaysScroll(page);
  });
});

test.describe("the wide header", () => {
  for (const width of [1280, 1440]) {
    test(`is one row with every link and the product switcher at ${width} px`, async ({ page, request }, testInfo) => {
      // A second product, so the switcher takes its place in the row.
      const product = await importIntoNewProduct(request, "header");
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`/?product=${product}`);
      await expect(page.getByRole("combobox", { name: "Product" })).toHaveValue(product);
      const nav = page.getByRole("navigation", { name: "Main" });
      const links = nav.getByRole("link");
      await expect(links.filter({ hasText: "Components" })).toBeVisible();
      const tops = new Set((await links.evaluateAll((all) => all.map((a) => Math.round(a.getBoundingClientRect().top)))));
      expect(tops.size).toBe(1);
      expect((await page.getByRole("banner").boundingBox())!.height).toBeLessThanOrEqual(ONE_ROW);
      await expect(page.getByRole("button", { name: `Account: ${ENGINEER.name}` })).toBeVisible();
      await expect(page.getByRole("banner").getByTestId("theme-toggle")).toBeVisible();
      await expectNoSidewaysScroll(page);
      await page.getByRole("banner").screenshot({ path: testInfo.outputPath(`header-${width}.png`) });
    });
  }
});
