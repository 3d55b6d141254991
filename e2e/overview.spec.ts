import { expect, importIntoNewProduct, test } from "./fixtures";

test("the overview shows the computed summary: 6 critical blockers, 5 open", async ({ page, request }, testInfo) => {
  const product = await importIntoNewProduct(request, "overview");
  await page.goto(`/?product=${product}`);
  await expect(page.getByRole("heading", { name: "Executive summary" })).toBeVisible();
  await expect(page.getByTestId("summary-critical_blocker-total")).toHaveText("6");
  await expect(page.getByTestId("summary-critical_blocker-open")).toHaveText("5");
  await expect(page.getByTestId("summary-compliant-total")).toHaveText("9");
  await expect(page.getByTestId("summary-not_required-total")).toHaveText("3");
  await expect(page.getByTestId("summary-needs_verification-total")).toHaveText("1");
  await expect(page.getByText("Phase 1: Operator Image Fixes")).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("overview.png"), fullPage: true });

  // The card is a link to exactly the items it counts.
  await page.getByTestId("summary-critical_blocker").click();
  await expect(page).toHaveURL(/category=critical_blocker/);
  await expect(page.locator("tbody tr")).toHaveCount(6);
  await page.screenshot({ path: testInfo.outputPath("items-critical.png"), fullPage: true });
});

test("the items table filters by URL and searches as you type", async ({ page, request }, testInfo) => {
  const product = await importIntoNewProduct(request, "items");
  await page.goto(`/items?product=${product}`);
  await expect(page.locator("tbody tr")).toHaveCount(19);
  await page.getByLabel("Status").selectOption("wont_do");
  await expect(page).toHaveURL(/status=wont_do/);
  await expect(page.locator("tbody tr")).toHaveCount(3);
  await page.getByRole("searchbox").fill("P2-2");
  await expect(page).toHaveURL(/q=P2-2/);
  await expect(page.locator("tbody tr")).toHaveCount(1);
  await page.getByRole("searchbox").fill("no such thing at all");
  await expect(page.getByText("No items match these filters")).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("items-empty.png"), fullPage: true });
});

test("a component's board opens from the overview", async ({ page, request }, testInfo) => {
  const product = await importIntoNewProduct(request, "component");
  await page.goto(`/?product=${product}`);
  await page.getByRole("link", { name: "neuron-openshift-operator" }).click();
  await expect(page.getByRole("heading", { name: "neuron-openshift-operator" })).toBeVisible();
  await expect(page.getByText("public.ecr.aws/os-partners/neuron-openshift/operator")).toBeVisible();
  // P0-3 and P0-4 name the operator image; P0-2 joins it only once a run links it.
  await expect(page.getByTestId("component-open-critical_blocker")).toHaveText("2");
  await expect(page.getByText("Tags v0.1.3 have no preflight run yet.")).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("component.png"), fullPage: true });
});
