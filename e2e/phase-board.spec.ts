import { readFileSync } from "node:fs";
import type { APIRequestContext, Page } from "@playwright/test";
import { expect, importIntoNewProduct, pickUpWithKeyboard, scrollBoardIntoView, test } from "./fixtures";
import { ENGINEER, stateFile, TOKEN_FILE } from "./people";

const liveRegion = (page: Page) => page.locator('[id^="DndLiveRegion"]');
const toasts = (page: Page) => page.locator("[data-sonner-toast]");
const STATUSES = ["not_started", "in_progress", "blocked", "needs_justification", "in_review", "done", "wont_do"] as const;

const auth = () => ({ authorization: `Bearer ${(JSON.parse(readFileSync(TOKEN_FILE, "utf8")) as { token: string }).token}` });

type BoardJson = {
  phase: { version: number; completedAt: string | null };
  columns: Record<(typeof STATUSES)[number], { key: string; title: string }[]>;
};

async function boardOf(request: APIRequestContext, product: string): Promise<BoardJson> {
  const response = await request.get(`/api/v1/phases/phase-1?product=${product}`, { headers: auth() });
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()) as BoardJson;
}

test("an engineer drags P0-2 by the card's body and moves P0-3 with the keyboard; toasts confirm both", async ({ page, request }, testInfo) => {
  const product = await importIntoNewProduct(request, "phase-board");
  await page.goto(`/phases/phase-1?product=${product}`);
  await expect(page.getByRole("heading", { name: "Phase 1: Operator Image Fixes" })).toBeVisible();
  const notStarted = page.getByTestId("phase-column-not_started");
  const inProgress = page.getByTestId("phase-column-in_progress");
  await expect(notStarted.getByTestId("phase-card-P0-2")).toBeVisible();
  await expect(notStarted.getByTestId("phase-card-P0-3")).toBeVisible();
  // Nothing is in progress yet: that column is a collapsed strip until a card is over it.
  await expect(inProgress).toHaveAttribute("data-collapsed", "true");
  await page.screenshot({ path: testInfo.outputPath("board-before.png"), fullPage: true });

  // Mouse: press on the card's body (its bottom-right corner, clear of the handle and the link),
  // move past the activation distance, drop in the next column.
  await scrollBoardIntoView(page);
  const from = await page.getByTestId("phase-card-P0-2").boundingBox();
  const to = await inProgress.boundingBox();
  if (!from || !to) throw new Error("board not laid out");
  const start = { x: from.x + from.width - 5, y: from.y + from.height - 5 };
  const pressed = await page.evaluate(({ x, y }) => {
    const element = document.elementFromPoint(x, y);
    return { card: element?.closest("[data-testid^='phase-card-']")?.getAttribute("data-testid"), onHandleOrLink: !!element?.closest("button, a") };
  }, start);
  expect(pressed).toEqual({ card: "phase-card-P0-2", onHandleOrLink: false });
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x + 10, start.y, { steps: 5 });
  await page.mouse.move(to.x + to.width / 2, to.y + 60, { steps: 15 });
  // While the card is over it, the strip opens; dragging selects no text.
  await expect(page.getByTestId("phase-card-overlay")).toBeVisible();
  await expect(inProgress).toHaveAttribute("data-collapsed", "false");
  await expect(inProgress).toContainText("Drop in In progress");
  expect(await page.evaluate(() => window.getSelection()?.toString() ?? "")).toBe("");
  await page.mouse.up();
  await expect(inProgress.getByTestId("phase-card-P0-2")).toBeVisible();
  await expect(notStarted.getByTestId("phase-card-P0-2")).toHaveCount(0);
  await expect(toasts(page).filter({ hasText: "P0-2 moved to In progress" })).toBeVisible();

  // Keyboard: Space on the handle picks up, the right arrow moves one column, Space drops.
  await pickUpWithKeyboard(page, "P0-3");
  await expect(liveRegion(page)).toContainText("Picked up P0-3 from Not started");
  await page.keyboard.press("ArrowRight");
  await expect(liveRegion(page)).toContainText("P0-3 is over In progress");
  await page.keyboard.press("Space");
  await expect(inProgress.getByTestId("phase-card-P0-3")).toBeVisible();
  await expect(toasts(page).filter({ hasText: "P0-3 moved to In progress" })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("board-after.png"), fullPage: true });

  // Both moves are stored: a fresh load shows them, and each item's history names the engineer.
  await page.reload();
  await expect(page.getByTestId("phase-column-in_progress").getByTestId("phase-card-P0-2")).toBeVisible();
  await expect(page.getByTestId("phase-column-in_progress").getByTestId("phase-card-P0-3")).toBeVisible();
  for (const key of ["P0-2", "P0-3"]) {
    await page.goto(`/items/${key}?product=${product}`);
    await expect(page.getByTestId("history").getByText(`Status changed from Not started to In progress by ${ENGINEER.name}`)).toBeVisible();
  }
});

test("Escape cancels a keyboard move, and a click on a draggable card's link still opens the item", async ({ page, request }) => {
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
  await expect(toasts(page)).toHaveCount(0);

  const { title } = (await boardOf(request, product)).columns.not_started.find((item) => item.key === "P0-4")!;
  await page.getByTestId("phase-card-P0-4").getByRole("link", { name: /P0-4/ }).click();
  await expect(page).toHaveURL(new RegExp(`/items/P0-4\\?product=${product}`));
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
});

test("a refused move goes back, and the toast says why and where the card is", async ({ page, request }) => {
  const product = await importIntoNewProduct(request, "phase-rollback");
  // The item door answers this card's move with a 503, as it would with the database down.
  await page.route(/\/api\/v1\/items\/P0-4\?/, (route) =>
    route.request().method() === "PATCH"
      ? route.fulfill({ status: 503, contentType: "application/json", body: '{"error":{"code":"unavailable","message":"The database is not answering."}}' })
      : route.continue(),
  );
  await page.goto(`/phases/phase-1?product=${product}`);
  await pickUpWithKeyboard(page, "P0-4");
  await page.keyboard.press("ArrowRight");
  await expect(liveRegion(page)).toContainText("P0-4 is over In progress");
  await page.keyboard.press("Space");
  await expect(toasts(page).filter({ hasText: "P0-4 could not be moved: The database is not answering. It is back in Not started." })).toBeVisible();
  await expect(page.getByTestId("phase-column-not_started").getByTestId("phase-card-P0-4")).toBeVisible();
  await expect(page.getByTestId("phase-column-in_progress").getByTestId("phase-card-P0-4")).toHaveCount(0);
  const stored = await boardOf(request, product);
  expect(stored.columns.not_started.map((item) => item.key)).toContain("P0-4");
});

test("all seven columns fit a 1280 px window; an empty one is a labelled strip", async ({ page, request }, testInfo) => {
  const product = await importIntoNewProduct(request, "phase-fit");
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`/phases/phase-1?product=${product}`);
  await expect(page.getByTestId("phase-card-P0-2")).toBeVisible();
  await scrollBoardIntoView(page);
  for (const status of STATUSES) {
    const box = await page.getByTestId(`phase-column-${status}`).boundingBox();
    expect(box, status).not.toBeNull();
    expect(box!.x, status).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width, status).toBeLessThanOrEqual(1280);
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
  // Nothing in this phase is done yet: the Done column is collapsed, and still named.
  const done = page.getByRole("region", { name: /^Done/ });
  await expect(done).toHaveAttribute("data-collapsed", "true");
  await expect(done.getByRole("link", { name: "New item in Done" })).toBeVisible();
  expect((await done.boundingBox())!.width).toBeLessThan(80);
  await page.screenshot({ path: testInfo.outputPath("board-1280.png") });
});

test("the phase's tasks read as the plan wrote them: inline code is code, not backticks", async ({ page, request }) => {
  const product = await importIntoNewProduct(request, "phase-tasks");
  await page.goto(`/phases/phase-1?product=${product}`);
  const tasks = page.getByRole("list", { name: "Phase tasks" });
  await expect(tasks.locator("code", { hasText: "make docker-build" })).toBeVisible();
  await expect(tasks).not.toContainText("`");
  // Each task's tick box is named by its title as rendered.
  await expect(tasks.getByRole("checkbox", { name: "Rebuild Published Image", exact: true })).toBeDisabled();
});

test("completing a phase with open items asks first, naming them; Cancel changes nothing", async ({ page, request }) => {
  const product = await importIntoNewProduct(request, "phase-confirm");
  const before = await boardOf(request, product);
  const open = STATUSES.filter((s) => s !== "done" && s !== "wont_do").flatMap((s) => before.columns[s]);
  expect(open.length).toBe(4);

  await page.goto(`/phases/phase-1?product=${product}`);
  const complete = page.getByTestId("phase-dependencies").getByRole("button", { name: "Mark phase complete" });
  await complete.click();
  const dialog = page.getByRole("dialog", { name: "Complete Phase 1 with open items?" });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("4 items are still open: P0-2 Prohibited Labels, ");
  for (const item of open) await expect(dialog).toContainText(`${item.key} ${item.title}`);
  await expect(dialog).toContainText("Complete the phase anyway?");
  // Cancel holds the focus: Enter straight away would not complete the phase.
  await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("phase-completion")).toContainText("Open");
  await expect(page.getByText("Phase 1 marked complete.")).toHaveCount(0);

  // Escape closes it too; nothing was sent.
  await complete.click();
  await expect(dialog).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  const after = await boardOf(request, product);
  expect(after.phase).toEqual(before.phase);
});

test("a viewer sees the board without drag handles", async ({ browser, request }) => {
  const product = await importIntoNewProduct(request, "phase-viewer");
  const page = await (await browser.newContext({ storageState: stateFile("viewer") })).newPage();
  await page.goto(`/phases/phase-1?product=${product}`);
  await expect(page.getByTestId("phase-column-not_started").getByTestId("phase-card-P0-2")).toBeVisible();
  await expect(page.getByRole("button", { name: /^Move / })).toHaveCount(0);
  await expect(page.getByTestId("phase-column-done")).toHaveAttribute("data-collapsed", "true");
});
