import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";
import { asOperatorRun, expect, importIntoNewProduct, test } from "./fixtures";
import { TOKEN_FILE } from "./people";

const PREFLIGHT = path.resolve(process.cwd(), "../shared/fixtures/preflight");
const PASSED_1_15 = "container_1.15.2_amd64_passed.results.json";
const FAILED_1_16 = "container_1.16.0_amd64_failed_HasNoProhibitedLabels.results.json";
const OPERATOR = "neuron-openshift-operator";

async function upload(request: APIRequestContext, product: string, name: string): Promise<string> {
  const { token } = JSON.parse(readFileSync(TOKEN_FILE, "utf8")) as { token: string };
  const response = await request.post(`/api/v1/preflight/runs?product=${product}&component=${OPERATOR}&arch=amd64`, {
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    data: asOperatorRun(readFileSync(path.join(PREFLIGHT, name))),
  });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { runs: { id: string }[] }).runs[0]!.id;
}

test("a new run appears in the open run history, and any two runs can be compared", async ({ page, request }, testInfo) => {
  const present = [PASSED_1_15, FAILED_1_16].every((name) => existsSync(path.join(PREFLIGHT, name)));
  if (!present && process.env.CI) throw new Error(`Missing preflight fixtures in ${PREFLIGHT}: CI must have shared/ beside the clone.`);
  test.info().skip(!present, "preflight fixtures missing");
  const product = await importIntoNewProduct(request, "compare");
  const older = await upload(request, product, PASSED_1_15);

  await page.goto(`/components/${OPERATOR}?product=${product}`);
  await expect(page.getByTestId("live-status")).toHaveText("Live");
  await expect(page.getByTestId(`run-history-${older}`)).toBeVisible();
  // One run: nothing to compare yet.
  await expect(page.getByTestId("run-compare")).toHaveCount(0);

  // A pipeline uploads a failing run while the board is open: it appears without a reload.
  const newer = await upload(request, product, FAILED_1_16);
  const newest = page.getByTestId(`run-history-${newer}`);
  await expect(newest).toBeVisible({ timeout: 8_000 });
  const compare = page.getByTestId("run-compare");
  await expect(compare).toBeEnabled();
  await page.getByRole("form", { name: "Run history" }).screenshot({ path: testInfo.outputPath("run-history.png") });
  await page.screenshot({ path: testInfo.outputPath("component-board.png") });

  // The same run on both sides cannot be compared (keyboard: arrows move within a radio group).
  await newest.getByRole("radio", { name: /^To: / }).focus();
  await page.keyboard.press("ArrowDown");
  await expect(page.getByTestId(`run-history-${older}`).getByRole("radio", { name: /^To: / })).toBeChecked();
  await expect(compare).toBeDisabled();
  await expect(page.getByText("Pick two different runs: one From, one To.")).toBeVisible();

  // Backwards on purpose: from the newer (failing) run to the older (passing) one.
  await newest.getByRole("radio", { name: /^From: / }).check();
  await expect(compare).toBeEnabled();
  await compare.click();
  await expect(page).toHaveURL(new RegExp(`/runs/compare\\?.*from=${newer}.*to=${older}`));
  await expect(page.getByRole("heading", { level: 1, name: "Compare preflight runs" })).toBeVisible();
  await expect(page.getByText("From is newer than To")).toBeVisible();
  await expect(page.getByTestId("compare-newlyPassed")).toContainText("Newly passed (1)");
  await expect(page.getByTestId("compare-newlyPassed")).toContainText("HasNoProhibitedLabels");

  await page.getByRole("link", { name: "Swap From and To" }).click();
  await expect(page.getByTestId("compare-newlyFailed")).toContainText("HasNoProhibitedLabels");
  await expect(page.getByTestId("compare-from")).toContainText("Passed");
  await expect(page.getByTestId("compare-to")).toContainText("Failed");
  await expect(page.getByText("From is newer than To")).toHaveCount(0);
  await expect(page.getByText(/Preflight version changed: 1\.15\.2 → 1\.16\.0/)).toBeVisible();
  for (const width of [1280, 800]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: testInfo.outputPath(`compare-${width}.png`), fullPage: true });
  }

  // A run that does not exist gets a clear message, not a blank page.
  await page.goto(`/runs/compare?from=${older}&to=00000000-0000-4000-8000-000000000000&product=${product}`);
  await expect(page.getByRole("alert").filter({ hasText: "cannot be compared" })).toContainText("No preflight run 00000000-0000-4000-8000-000000000000");
});
