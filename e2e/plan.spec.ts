import { expect, importIntoNewProduct, test } from "./fixtures";
import { readFileSync } from "node:fs";
import { ADMIN, ENGINEER, TOKEN_FILE } from "./people";

const auth = () => ({ authorization: `Bearer ${(JSON.parse(readFileSync(TOKEN_FILE, "utf8")) as { token: string }).token}` });

// Running the plan in a browser: an engineer creates an item, owns it, bulk-moves work, and the
// owner, due date and overdue state read the same on the list and the item page.

test("an engineer creates an item, assigns it, dates it, and bulk-moves three items", async ({ page, request }, testInfo) => {
  const product = await importIntoNewProduct(request, "plan");

  await page.goto(`/items?product=${product}`);
  await page.getByRole("link", { name: "New item" }).click();
  await expect(page.getByRole("heading", { name: "New item" })).toBeVisible();
  await page.getByLabel("Title").fill("Rebuild the driver image on UBI 9");
  await page.getByLabel("Category").selectOption("critical_blocker");
  await page.getByLabel("Priority").selectOption("P0");
  await page.getByRole("textbox", { name: "Effort", exact: true }).fill("1-2 days");
  await page.screenshot({ path: testInfo.outputPath("new-item.png"), fullPage: true });
  await page.getByRole("button", { name: "Create item" }).click();

  // The first item a person creates in a product is T-1.
  await expect(page).toHaveURL(new RegExp(`/items/T-1\\?product=${product}`));
  await expect(page.getByRole("heading", { name: "Rebuild the driver image on UBI 9" })).toBeVisible();
  await expect(page.getByTestId("history").getByText(`Created by ${ENGINEER.name}`)).toBeVisible();
  // The author watches what they created.
  await expect(page.getByRole("button", { name: "Unwatch" })).toBeVisible();

  await page.getByRole("combobox", { name: "Owner" }).selectOption({ label: `${ENGINEER.name} (me)` });
  await expect(page.getByTestId("history").getByText(`Owner set to ${ENGINEER.name} by ${ENGINEER.name}`)).toBeVisible();
  const due = page.getByLabel("Due date", { exact: true });
  await due.fill("2020-01-31");
  await due.press("Enter");
  await expect(page.getByTestId("item-due-text")).toHaveText(/days overdue/);
  await page.screenshot({ path: testInfo.outputPath("item-owned.png"), fullPage: true });

  // Mine and overdue, in the list.
  await page.goto(`/items?product=${product}&assignee=me&overdue=true`);
  await expect(page.getByTestId("item-row-T-1")).toBeVisible();
  await expect(page.getByTestId("item-row-T-1").getByTestId("item-due")).toHaveText(/days overdue/);
  await expect(page.getByText("1 item", { exact: true })).toBeVisible();

  // Bulk: three critical blockers to In review at once.
  await page.goto(`/items?product=${product}&category=critical_blocker&sort=key`);
  for (const key of ["P0-1", "P0-2", "P0-3"]) await page.getByRole("checkbox", { name: `Select ${key}` }).check();
  const bar = page.getByRole("region", { name: "Bulk change" });
  await expect(bar.getByText("3 selected")).toBeVisible();
  await bar.getByRole("combobox", { name: "Field to set" }).selectOption("status");
  await bar.getByRole("combobox", { name: "New value" }).selectOption("in_review");
  await page.screenshot({ path: testInfo.outputPath("bulk.png"), fullPage: true });
  await bar.getByRole("button", { name: "Apply to 3" }).click();
  await expect(page.getByText("Status set on 3 of 3 items.")).toBeVisible();
  for (const key of ["P0-1", "P0-2", "P0-3"]) await expect(page.getByTestId(`item-row-${key}`).getByText("In review")).toBeVisible();
  await expect(page.getByRole("region", { name: "Bulk change" })).toHaveCount(0);
});

test("a bulk change against a stale list changes nothing and says which item moved on", async ({ page, request }) => {
  const product = await importIntoNewProduct(request, "plan-stale");
  await page.goto(`/items?product=${product}&category=critical_blocker&sort=key`);
  for (const key of ["P0-1", "P0-2"]) await page.getByRole("checkbox", { name: `Select ${key}` }).check();

  // Someone else saves P0-2 while the bulk change is on its way (a pipeline, with the engineer's
  // token): the list follows live updates, so only a save that lands in between can be missed.
  let savedMeanwhile = 0;
  await page.route("**/api/v1/items/bulk**", async (route) => {
    const item = await (await request.get(`/api/v1/items/P0-2?product=${product}`, { headers: auth() })).json();
    const saved = await request.patch(`/api/v1/items/P0-2?product=${product}`, { headers: auth(), data: { version: item.version, priority: "P2" } });
    savedMeanwhile = saved.status();
    await route.continue();
  });

  const bar = page.getByRole("region", { name: "Bulk change" });
  await bar.getByRole("combobox", { name: "New value" }).selectOption("done");
  await bar.getByRole("button", { name: "Apply to 2" }).click();
  await expect(bar.getByRole("alert")).toContainText("P0-2");
  await expect(bar.getByRole("alert")).toContainText("nothing was changed");
  expect(savedMeanwhile).toBe(200);
  const p01 = await (await request.get(`/api/v1/items/P0-1?product=${product}`, { headers: auth() })).json();
  expect(p01.status).not.toBe("done");
});

test("a comment mentions a person, a view is saved, and a nearer target date turns the overview from on track to at risk", async ({ page, request }, testInfo) => {
  const product = await importIntoNewProduct(request, "journey");

  // A comment with a mention links the person mentioned to their work.
  await page.goto(`/items/P0-2?product=${product}`);
  await page.getByRole("textbox", { name: "Comment", exact: true }).fill("@AdaAdmin could you confirm the **label** fix?");
  await page.getByRole("button", { name: "Comment", exact: true }).click();
  const mention = page.getByRole("link", { name: "@AdaAdmin" });
  await expect(mention).toBeVisible();
  await expect(mention).toHaveAttribute("href", new RegExp(`/items\\?assignee=${encodeURIComponent(ADMIN.email)}`));
  await expect(page.getByTestId("history").getByText(/commented/)).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("comment.png"), fullPage: true });

  // A saved view brings the same filters back.
  await page.goto(`/items?product=${product}&category=critical_blocker&status=not_started`);
  await page.getByRole("button", { name: "Save view" }).click();
  await page.getByLabel("View name").fill("Blockers not started");
  await page.getByRole("form", { name: "Save view" }).getByRole("button", { name: "Save", exact: true }).click();
  const view = page.getByRole("link", { name: "Blockers not started" });
  await expect(view).toHaveAttribute("aria-current", "page");
  await page.goto(`/items?product=${product}`);
  await page.getByRole("link", { name: "Blockers not started" }).click();
  await expect(page).toHaveURL(/category=critical_blocker/);
  await expect(page).toHaveURL(/status=not_started/);

  // The forecast: with a capacity and a far target it is on track; a target between its 50% and
  // 85% dates makes it at risk.
  await page.goto(`/?product=${product}`);
  const forecast = page.getByRole("region", { name: "Forecast" });
  await expect(forecast.getByTestId("forecast-status")).toHaveText("No target date");
  const plan = page.getByRole("form", { name: "Product plan" });
  await plan.getByLabel("Hours per week").fill("20");
  await plan.getByLabel("Target date").fill("2099-12-31");
  await plan.getByRole("button", { name: "Save plan" }).click();
  await expect(forecast.getByTestId("forecast-status")).toHaveText("On track");

  const answer = await request.get(`/api/v1/forecast?product=${product}`, { headers: auth() });
  expect(answer.status()).toBe(200);
  const projected = ((await answer.json()) as { projected: { p50: string; p85: string } }).projected;
  expect(projected.p50 < projected.p85, `p50 ${projected.p50} before p85 ${projected.p85}`).toBe(true);
  await plan.getByLabel("Target date").fill(projected.p50);
  await plan.getByRole("button", { name: "Save plan" }).click();
  await expect(forecast.getByTestId("forecast-status")).toHaveText("At risk");
  await expect(forecast.getByTestId("forecast-sentence")).toContainText("At risk");
  await page.screenshot({ path: testInfo.outputPath("overview-at-risk.png"), fullPage: true });
});
