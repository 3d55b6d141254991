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
