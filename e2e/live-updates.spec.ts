import { readFileSync } from "node:fs";
import type { APIRequestContext, Browser, Page } from "@playwright/test";
import { expect, importIntoNewProduct, pickUpWithKeyboard, scrollBoardIntoView, test } from "./fixtures";
import { stateFile, TOKEN_FILE } from "./people";

// Someone else's change shows up without a reload. While a page's stream is live nothing polls
// (the fallback polls every 15 s, only while the stream is down), so a change that arrives within
// PUSHED was pushed by the server, not fetched by a timer.
const PUSHED = { timeout: 8_000 };

type Window = { certboardNotReloaded?: boolean };

/** A second person (a viewer) watching `url` in their own browser context, with the stream live. */
async function watch(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext({ storageState: stateFile("viewer") });
  const page = await context.newPage();
  await page.goto(url);
  const status = page.getByTestId("live-status");
  await expect(status).toHaveAttribute("data-status", "live");
  await expect(status).toHaveText("Live");
  // A reload would drop this flag: checked at the end to prove the page updated in place.
  await page.evaluate(() => void ((window as Window).certboardNotReloaded = true));
  return page;
}

const notReloaded = (page: Page) => page.evaluate(() => (window as Window).certboardNotReloaded === true);

async function dragToColumn(page: Page, key: string, status: string) {
  await scrollBoardIntoView(page);
  const handle = page.getByTestId(`phase-card-handle-${key}`);
  const from = await handle.boundingBox();
  const to = await page.getByTestId(`phase-column-${status}`).boundingBox();
  if (!from || !to) throw new Error("board not laid out");
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 10, from.y + from.height / 2, { steps: 5 });
  await page.mouse.move(to.x + to.width / 2, to.y + 60, { steps: 15 });
  await page.mouse.up();
}

test("a card dragged with the mouse on one board moves on another person's board without a reload", async ({ page, browser, request }) => {
  const product = await importIntoNewProduct(request, "live-mouse");
  const url = `/phases/phase-1?product=${product}`;
  const other = await watch(browser, url);
  await expect(other.getByTestId("phase-column-not_started").getByTestId("phase-card-P0-2")).toBeVisible();

  await page.goto(url);
  await expect(page.getByTestId("live-status")).toHaveText("Live");
  await dragToColumn(page, "P0-2", "in_progress");
  await expect(page.getByTestId("phase-column-in_progress").getByTestId("phase-card-P0-2")).toBeVisible();

  await expect(other.getByTestId("phase-column-in_progress").getByTestId("phase-card-P0-2")).toBeVisible(PUSHED);
  await expect(other.getByTestId("phase-column-not_started").getByTestId("phase-card-P0-2")).toHaveCount(0);
  expect(await notReloaded(other)).toBe(true);
  await other.context().close();
});

test("a card moved with the keyboard shows its new status in another person's item list without a reload", async ({ page, browser, request }) => {
  const product = await importIntoNewProduct(request, "live-keys");
  const other = await watch(browser, `/items?product=${product}`);
  const row = other.getByTestId("item-row-P0-3");
  await expect(row).toContainText("Not started");

  await page.goto(`/phases/phase-1?product=${product}`);
  await pickUpWithKeyboard(page, "P0-3");
  await page.keyboard.press("ArrowRight");
  await expect(page.locator('[id^="DndLiveRegion"]')).toContainText("P0-3 is over In progress");
  await page.keyboard.press("Space");
  await expect(page.getByTestId("phase-column-in_progress").getByTestId("phase-card-P0-3")).toBeVisible();

  await expect(row).toContainText("In progress", PUSHED);
  expect(await notReloaded(other)).toBe(true);
  await other.context().close();
});

/** Changes an item's status through the API, as a script with a token would. */
async function setStatus(request: APIRequestContext, product: string, key: string, status: string) {
  const { token } = JSON.parse(readFileSync(TOKEN_FILE, "utf8")) as { token: string };
  const headers = { authorization: `Bearer ${token}` };
  const path = `/api/v1/items/${key}?product=${product}`;
  const item = (await (await request.get(path, { headers })).json()) as { version: number };
  const response = await request.patch(path, { headers, data: { version: item.version, status } });
  expect(response.status(), await response.text()).toBe(200);
}

test("without the stream the board says it is reconnecting and still catches up by polling", async ({ browser, request }) => {
  const product = await importIntoNewProduct(request, "live-fallback");
  const context = await browser.newContext({ storageState: stateFile("viewer") });
  // A proxy that drops event streams: every attempt fails.
  await context.route(/\/api\/v1\/stream\b/, (route) => route.fulfill({ status: 503, contentType: "application/json", body: '{"error":{"code":"unavailable","message":"down"}}' }));
  const page = await context.newPage();
  await page.goto(`/phases/phase-1?product=${product}`);
  const status = page.getByTestId("live-status");
  await expect(status).toHaveAttribute("data-status", "reconnecting");
  await expect(status).toContainText("Reconnecting…");
  await expect(status).toHaveAttribute("title", /every 15 s/);

  await setStatus(request, product, "P0-4", "blocked");
  // The 15 s poll, plus room for a slow machine.
  await expect(page.getByTestId("phase-column-blocked").getByTestId("phase-card-P0-4")).toBeVisible({ timeout: 30_000 });
  await context.close();
});
