import { BACKLOG_FIXTURE, expect, readBacklogFixture, test } from "./fixtures";

test("importing the document in the browser reports the summary disagreements", async ({ page }, testInfo) => {
  test.info().skip(readBacklogFixture() === null, "fixture missing");
  const product = `upload-${process.pid}-${Date.now().toString(36)}`;
  await page.goto("/import");
  await page.getByTestId("import-file").setInputFiles(BACKLOG_FIXTURE);
  await page.getByLabel("Product (slug)").fill(product);
  await page.getByRole("button", { name: "Import backlog" }).click();
  const result = page.getByTestId("import-result");
  await expect(result).toContainText("Imported 19 items");
  await expect(result).toContainText("19 created");
  await expect(result).toContainText("Executive summary says 3 critical blockers");
  await page.screenshot({ path: testInfo.outputPath("import.png"), fullPage: true });

  // The same file again changes nothing.
  await page.getByRole("button", { name: "Import backlog" }).click();
  await expect(result).toContainText("0 created, 0 updated, 19 unchanged");
});

test("a preview reports what the import would do and writes nothing; the real import then does it", async ({ page }) => {
  test.info().skip(readBacklogFixture() === null, "fixture missing");
  const product = `preview-${process.pid}-${Date.now().toString(36)}`;
  await page.goto("/import");
  await page.getByTestId("import-file").setInputFiles(BACKLOG_FIXTURE);
  const slug = page.getByLabel("Product (slug)");

  // The slug rule is checked before anything is sent.
  await slug.fill("Not A Slug");
  await page.getByRole("button", { name: "Preview" }).click();
  expect(await slug.evaluate((input) => (input as HTMLInputElement).validity.patternMismatch)).toBe(true);
  await expect(page.getByTestId("import-preview")).toHaveCount(0);

  await slug.fill(product);
  await page.getByRole("button", { name: "Preview" }).click();
  const preview = page.getByTestId("import-preview");
  await expect(preview).toContainText(`Preview, nothing imported yet: importing would bring 19 items into ${product}: 19 created, 0 updated, 0 unchanged`);
  await expect(preview).toContainText("Executive summary says 3 critical blockers");
  // Nothing was written: the product the import would create does not exist yet.
  expect((await page.request.get(`/api/v1/items?product=${product}`)).status()).toBe(404);

  await page.getByRole("button", { name: "Import backlog" }).click();
  await expect(page.getByTestId("import-result")).toContainText("Imported 19 items");
  await expect(page.getByTestId("import-result")).toContainText("19 created");
  expect((await page.request.get(`/api/v1/items?product=${product}`)).status()).toBe(200);
});

test("a file that is not a backlog is refused with a clear message", async ({ page }) => {
  await page.goto("/import");
  await page.getByTestId("import-file").setInputFiles({ name: "notes.md", mimeType: "text/markdown", buffer: Buffer.from("# Shopping list\n\n- milk\n- eggs\n") });
  await page.getByRole("button", { name: "Import backlog" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Nothing was imported" })).toContainText("No backlog items found");
});

test("unknown items get a not-found page", async ({ page }, testInfo) => {
  await page.goto("/items/NOPE-404");
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("not-found.png"), fullPage: true });
});
