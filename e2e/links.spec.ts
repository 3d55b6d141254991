import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { APIRequestContext, Page } from "@playwright/test";
import { expectNoSeriousViolations } from "./axe";
import { asOperatorRun, expect, importIntoNewProduct, test } from "./fixtures";
import { TOKEN_FILE } from "./people";

// Every reference is a link: from an item to its component, phase, check, requirement and the run in
// its history; from a run to the items it changed; the components index; two runs compared from /runs.

const PREFLIGHT = path.resolve(process.cwd(), "../shared/fixtures/preflight");
const PASSED = "container_1.15.2_amd64_passed.results.json";
const FAILED = "container_1.16.0_amd64_failed_HasNoProhibitedLabels.results.json";
const OPERATOR = "neuron-openshift-operator";

const bearer = () => ({ authorization: `Bearer ${(JSON.parse(readFileSync(TOKEN_FILE, "utf8")) as { token: string }).token}` });

async function upload(request: APIRequestContext, product: string, name: string): Promise<string> {
  const response = await request.post(`/api/v1/preflight/runs?product=${product}&component=${OPERATOR}&arch=amd64`, {
    headers: { "content-type": "application/json", ...bearer() },
    data: asOperatorRun(readFileSync(path.join(PREFLIGHT, name))),
  });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { runs: { id: string }[] }).runs[0]!.id;
}

type Item = { title: string; version: number; phase: { key: string; name: string } | null; components: { slug: string; name: string }[] };

async function getItem(request: APIRequestContext, product: string, key: string): Promise<Item> {
  const response = await request.get(`/api/v1/items/${key}?product=${product}`, { headers: bearer() });
  expect(response.status()).toBe(200);
  return (await response.json()) as Item;
}

const crumbs = (page: Page) => page.getByRole("navigation", { name: "Breadcrumb" });

/** A product with the operator's passing run (which verifies P0-3, HasLicense) and a newer failing one. */
async function productWithRuns(request: APIRequestContext) {
  const present = [PASSED, FAILED].every((name) => existsSync(path.join(PREFLIGHT, name)));
  if (!present && process.env.CI) throw new Error(`Missing preflight fixtures in ${PREFLIGHT}: CI must have shared/ beside the clone.`);
  test.info().skip(!present, "preflight fixtures missing");
  const product = await importIntoNewProduct(request, "links");
  const older = await upload(request, product, PASSED);
  const newer = await upload(request, product, FAILED);
  return { product, older, newer };
}

test("from an item, its component, phase, check, requirement and run are links, and breadcrumbs lead back", async ({ page, request }, testInfo) => {
  const { product, older, newer } = await productWithRuns(request);
  // P0-3 is about the licence files: name the requirement it answers, as an engineer would.
  const before = await getItem(request, product, "P0-3");
  const patched = await request.patch(`/api/v1/items/P0-3?product=${product}`, { headers: bearer(), data: { version: before.version, requirements: ["CTR-04"] } });
  expect(patched.status(), await patched.text()).toBe(200);
  const item = await getItem(request, product, "P0-3");
  const operator = item.components.find((c) => c.slug === OPERATOR)!;
  expect(operator).toBeDefined();
  expect(item.phase).not.toBeNull();

  await page.goto(`/items/P0-3?product=${product}`);
  await expect(crumbs(page).getByRole("link", { name: "Items" })).toHaveAttribute("href", `/items?product=${product}`);
  await expect(crumbs(page).locator('[aria-current="page"]')).toHaveText(`P0-3 · ${item.title}`);
  await expectNoSeriousViolations(page, testInfo);

  // The component opens its board, whose breadcrumbs lead to the components index.
  await page.getByRole("link", { name: operator.name, exact: true }).first().click();
  await expect(page).toHaveURL(new RegExp(`/components/${OPERATOR}\\?product=${product}$`));
  await expect(crumbs(page).locator('[aria-current="page"]')).toHaveText(operator.name);
  await page.goBack();

  // The phase opens the phase board.
  await page.getByRole("link", { name: `Open the phase ${item.phase!.name}` }).click();
  await expect(page).toHaveURL(new RegExp(`/phases/${item.phase!.key}\\?product=${product}$`));
  await expect(crumbs(page).getByRole("link", { name: "Phases" })).toBeVisible();
  await expect(crumbs(page).locator('[aria-current="page"]')).toContainText(item.phase!.name);
  await page.goBack();

  // The requirement opens its row in the component's requirement matrix.
  await page.getByRole("link", { name: /CTR-04 License terms/ }).click();
  await expect(page).toHaveURL(new RegExp(`/components/${OPERATOR}\\?product=${product}#requirement-CTR-04$`));
  await expect(page.locator("#requirement-CTR-04")).toBeInViewport();
  await page.goBack();

  // The check opens the newest run that reported it, at its row.
  await page.getByRole("link", { name: "HasLicense", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/runs/${newer}#check-HasLicense$`));
  await expect(page.locator("#check-HasLicense")).toBeInViewport();
  await expect(crumbs(page).getByRole("link", { name: "Preflight runs" })).toHaveAttribute("href", `/runs?product=${product}`);
  await expect(crumbs(page).getByRole("link", { name: operator.name })).toBeVisible();
  await expect(crumbs(page).locator('[aria-current="page"]')).toHaveText(/^v0\.1\.4 \(amd64\)/);
  await page.goBack();

  // The run in the history that verified the item opens that run, which lists the item as a link back.
  await page.getByTestId("history").getByRole("link", { name: `run ${older.slice(0, 8)}`, exact: true }).first().click();
  await expect(page).toHaveURL(new RegExp(`/runs/${older}$`));
  await page.getByRole("link", { name: /P0-3/ }).click();
  await expect(page).toHaveURL(new RegExp(`/items/P0-3\\?product=${product}$`));

  // The breadcrumb leads back to the list.
  await crumbs(page).getByRole("link", { name: "Items" }).click();
  await expect(page).toHaveURL(new RegExp(`/items\\?product=${product}$`));
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});

test("/components lists the product's components with their newest result in words", async ({ page, request }, testInfo) => {
  const { product, newer } = await productWithRuns(request);
  await page.goto(`/components?product=${product}`);
  await expect(page.getByRole("heading", { level: 1, name: "Components" })).toBeVisible();
  const row = page.getByTestId("component-row").filter({ has: page.locator(`a[href="/components/${OPERATOR}?product=${product}"]`) });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("Container image");
  await expect(row).toContainText("public.ecr.aws/os-partners/neuron-openshift/operator");
  await expect(row.getByRole("link", { name: /amd64: failed: 1 check failed/ })).toHaveAttribute("href", `/runs/${newer}`);
  await expectNoSeriousViolations(page, testInfo);
  await page.screenshot({ path: testInfo.outputPath("components-index.png"), fullPage: true });

  await row.getByRole("link").first().click();
  await expect(page).toHaveURL(new RegExp(`/components/${OPERATOR}\\?product=${product}$`));
  await crumbs(page).getByRole("link", { name: "Components" }).click();
  await expect(page).toHaveURL(new RegExp(`/components\\?product=${product}$`));

  // A product without components says so.
  const bare = `links-bare-${process.pid}-${Date.now().toString(36)}`;
  const imported = await request.post(`/api/v1/backlog/import?product=${bare}`, {
    headers: { "content-type": "text/markdown", ...bearer() },
    data: ["# Bare product", "## CRITICAL BLOCKERS", "### P0-1: Plain item", "**Status:** ❌ NOT STARTED"].join("\n\n"),
  });
  expect(imported.status(), await imported.text()).toBe(201);
  await page.goto(`/components?product=${bare}`);
  await expect(page.getByText("No components yet")).toBeVisible();
});

test("on /runs, ticking two runs compares them with the older one as the base, by keyboard too", async ({ page, request }, testInfo) => {
  const { product, older, newer } = await productWithRuns(request);
  await page.goto(`/runs?product=${product}`);
  const compare = page.getByRole("button", { name: "Compare selected" });
  await expect(compare).toBeDisabled();
  const rows = page.getByTestId("run-row");
  await expect(rows).toHaveCount(2);

  // Newest first: tick the newer run with the mouse, the older with the keyboard.
  await rows.nth(0).getByRole("checkbox", { name: /^Select .* to compare$/ }).check();
  await expect(page.getByTestId("run-compare-bar")).toContainText("1 run selected");
  await expect(compare).toBeDisabled();
  await rows.nth(1).getByRole("checkbox").focus();
  await page.keyboard.press("Space");
  await expect(rows.nth(1).getByRole("checkbox")).toBeChecked();
  await expect(compare).toBeEnabled();
  await expectNoSeriousViolations(page, testInfo);
  await page.screenshot({ path: testInfo.outputPath("runs-selected.png"), fullPage: true });

  await compare.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/runs/compare\\?from=${older}&to=${newer}&product=${product}$`));
  await expect(page.getByTestId("compare-newlyFailed")).toContainText("HasNoProhibitedLabels");
  await expect(crumbs(page).getByRole("link", { name: "Preflight runs" })).toHaveAttribute("href", `/runs?product=${product}`);
  await expect(crumbs(page).locator('[aria-current="page"]')).toContainText("Compare");
});
