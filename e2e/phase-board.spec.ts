import type { Page } from "@playwright/test";
import { expect, importIntoNewProduct, pickUpWithKeyboard, scrollBoardIntoView, test } from "./fixtures";
import { ENGINEER, stateFile } from "./people";

const liveRegion = (page: Page) => page.locator('[id^="DndLiveRegion"]');

test("an engineer drags P0-2 with the mouse and moves P0-3 with the keyboard", async ({ page, request }, testInfo) => {
  const product = await importIntoNewProduct(request, "phase-board");
  await page.goto(`/phases/phase-1?product=${product}`);
  await expect(page.getByRole("heading", { name: "Phase 1: Operator Image Fixes" })).toBeVisible();
  const notStarted = page.getByTestId("phase-column-not_started");
  const inProgress = page.getByTestId("phase-column-in_progress");
  await expect(notStarted.getByTestId("phase-card-P0-2")).toBeVisible();
  await expect(notStarted.getByTestId("phase-card-P0-3")).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("board-before.png"), fullPage: true });

  // Mouse: press on the handle, move past the activation distance, drop in the next column.
  const handle = page.getByTestId("phase-card-handle-P0-2");
  await scrollBoardIntoView(page);
  const from = await handle.boundingBox();
  const to = await inProgress.boundingBox();
  if (!from || !to) throw new Error("board not laid out");
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 10, from.y + from.height / 2, { steps: 5 });
  await page.mouse.move(to.x + to.width / 2, to.y + 60, { steps: 15 });
  await page.mouse.up();
  await expect(inProgress.getByTestId("phase-card-P0-2")).toBeVisible();
  await expect(notStarted.getByTestId("phase-card-P0-2")).toHaveCount(0);

  // Keyboard: Space picks up, the right arrow moves one column, Space drops.
  await pickUpWithKeyboard(page, "P0-3");
  await expect(liveRegion(page)).toContainText("Picked up P0-3 from Not started");
  await page.keyboard.press("ArrowRight");
  await expect(liveRegion(page)).toContainText("P0-3 is over In progress");
  await page.keyboard.press("Space");
  await expect(inProgress.getByTestId("phase-card-P0-3")).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("board-after.png"), fullPage: true });

  // Both moves are stored: a fresh load shows them, and each item's history names the engineer.
  await page.reload();
  await expect(page.getByTestId("phase-column-in_progress").getByTestId("phase-card-P0-2")).toBeVisible();
  await expect(page.getByTestId("phase-column-in_progress").getByTestId("phase-card-P0-3")).toBeVisible();
  for (const key of ["P0-2", "P0-3"]) {
    await page.goto(`/items/${key}?product=${product}`);
    await expect(page.getByTestId("history").getByText(`${ENGINEER.name} changed status from Not started to In progress`)).toBeVisible();
  }
});

test("Escape cancels a keyboard move", async ({ page, request }) => {
  const product = await importIntoNewProduct(request, "phase-cancel");
  await page.goto(`/phases/phase-1?product=${product}`);
  await pickUpWithKeyboard(page, "P0-4");
  await expect(liveRegion(page)).toContainText("Picked up P0-4");
  await page.keyboard.press("ArrowRight");
  await expect(liveRegion(page)).toContainText("P0-4 is over In progress");
  await page.keyboard.press("Escape");
  await expect(liveRegion(page)).toContainText("cancelled");
  await expect(page.getByTestId("phase-card-overlay")).toHaveCount(0);
  await expect(page.getByTestId("phase-column-not_started").getByTestId("phase-card-P0-4")).toBeVisible();
});

test("a viewer sees the board without drag handles", async ({ browser, request }) => {
  const product = await importIntoNewProduct(request, "phase-viewer");
  const page = await (await browser.newContext({ storageState: stateFile("viewer") })).newPage();
  await page.goto(`/phases/phase-1?product=${product}`);
  await expect(page.getByTestId("phase-column-not_started").getByTestId("phase-card-P0-2")).toBeVisible();
  await expect(page.getByRole("button", { name: /^Move / })).toHaveCount(0);
});
