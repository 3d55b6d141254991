import { expect, importIntoNewProduct, test } from "./fixtures";
import { ENGINEER, stateFile } from "./people";

test("an engineer changes P0-2 to in progress and sees it in the history", async ({ page, request }, testInfo) => {
  const product = await importIntoNewProduct(request, "edit");
  await page.goto(`/items/P0-2?product=${product}`);
  await expect(page.getByRole("heading", { name: "Prohibited Labels" })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("item-before.png"), fullPage: true });

  await page.getByLabel("Status").selectOption("in_progress");
  const history = page.getByTestId("history");
  // The history names the engineer who made the change.
  await expect(history.getByText(`Status changed from Not started to In progress by ${ENGINEER.name}`)).toBeVisible();
  await expect(page.getByTestId("item-badges").getByText("In progress")).toBeVisible();

  // The change is stored, not only shown: a fresh load sees it.
  await page.reload();
  await expect(page.getByLabel("Status")).toHaveValue("in_progress");
  await expect(page.getByTestId("history").getByText(/Status changed from Not started to In progress/)).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("item-after.png"), fullPage: true });
});

test("a second browser with the older page gets the conflict message", async ({ browser, request }, testInfo) => {
  const product = await importIntoNewProduct(request, "conflict");
  const first = await (await browser.newContext({ storageState: stateFile("engineer") })).newPage();
  const second = await (await browser.newContext({ storageState: stateFile("engineer") })).newPage();
  // The second browser's page is an older one: its live updates are cut (the item page follows
  // them, and would otherwise load the first person's change before the second saves).
  await second.route("**/api/v1/stream**", (route) => route.abort());
  await first.goto(`/items/P0-2?product=${product}`);
  await second.goto(`/items/P0-2?product=${product}`);
  await expect(second.getByLabel("Status")).toHaveValue("not_started");

  await first.getByLabel("Status").selectOption("in_progress");
  await expect(first.getByTestId("history").getByText(/to In progress/)).toBeVisible();

  await second.getByLabel("Priority").selectOption("P1");
  await expect(second.getByText("Someone else saved this item first")).toBeVisible();
  // The stale change was rolled back and the other person's change is loaded.
  await expect(second.getByLabel("Priority")).toHaveValue("P0");
  await expect(second.getByLabel("Status")).toHaveValue("in_progress");
  await second.screenshot({ path: testInfo.outputPath("conflict.png"), fullPage: true });
});

test("ticking a required action is saved and keyboard reachable", async ({ page, request }) => {
  const product = await importIntoNewProduct(request, "actions");
  await page.goto(`/items/P0-6?product=${product}`);
  const first = page.getByRole("checkbox").first();
  await first.focus();
  await page.keyboard.press("Space");
  await expect(page.getByRole("heading", { name: /Required actions \(1\/3 done\)/ })).toBeVisible();
  await expect(page.getByTestId("history").getByText(/^Required action “.+” marked done by /)).toBeVisible();
  await page.reload();
  await expect(page.getByRole("checkbox").first()).toBeChecked();
});

test("an effort it cannot read is explained in place, and a readable one is saved", async ({ page, request }, testInfo) => {
  const product = await importIntoNewProduct(request, "estimate");
  await page.goto(`/items/P0-2?product=${product}`);
  const effort = page.getByRole("textbox", { name: "Effort", exact: true });
  const before = await effort.inputValue();

  await effort.fill("soonish");
  await effort.press("Enter");
  await expect(page.getByRole("alert").filter({ hasText: "Effort must be a number and a unit" })).toBeVisible();
  await expect(effort).toHaveAttribute("aria-invalid", "true");
  await page.screenshot({ path: testInfo.outputPath("effort-refused.png"), fullPage: true });
  // Nothing was sent: a fresh load still shows the stored estimate.
  await page.reload();
  await expect(page.getByRole("textbox", { name: "Effort", exact: true })).toHaveValue(before);

  await page.getByRole("textbox", { name: "Effort", exact: true }).fill("30m");
  await page.getByRole("textbox", { name: "Effort", exact: true }).press("Enter");
  await expect(page.getByTestId("history").getByText(/^Effort (set to|changed from .* to) 30m by /)).toBeVisible();
  await page.reload();
  await expect(page.getByRole("textbox", { name: "Effort", exact: true })).toHaveValue("30m");
});
