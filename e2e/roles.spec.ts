import { expect, importIntoNewProduct, test } from "./fixtures";
import { stateFile } from "./people";

test.describe("a viewer (product manager)", () => {
  test.use({ storageState: stateFile("viewer") });

  test("sees no edit controls, and a crafted request is refused", async ({ page, request }, testInfo) => {
    const product = await importIntoNewProduct(request, "viewer");
    await page.goto(`/items/P0-2?product=${product}`);
    await expect(page.getByRole("heading", { name: "Prohibited Labels" })).toBeVisible();
    await expect(page.getByLabel("Status")).toHaveCount(0);
    await expect(page.getByRole("combobox", { name: "Priority" })).toHaveCount(0);
    await expect(page.getByRole("checkbox", { checked: false })).toHaveCount(0);
    await page.screenshot({ path: testInfo.outputPath("viewer-item.png"), fullPage: true });

    // The same PATCH the engineer's page sends, sent from the viewer's signed-in browser.
    const status = await page.evaluate(async (url) => {
      const response = await fetch(url, { method: "PATCH", headers: { "content-type": "application/json" }, body: JSON.stringify({ version: 1, status: "done" }) });
      return { status: response.status, body: await response.json() };
    }, `/api/v1/items/P0-2?product=${product}`);
    expect(status).toMatchObject({ status: 403, body: { error: { code: "forbidden" } } });
    await page.reload();
    await expect(page.getByTestId("item-badges").getByText("Not started")).toBeVisible();
  });

  test("a crafted ?next= never sends them to another site", async ({ page, baseURL }) => {
    // Each of these normalises to "//evil.example", which a browser reads as another origin.
    for (const next of ["//evil.example", "/.//evil.example", "/a/..//evil.example", "/%2e//evil.example", "/\\evil.example", "/\t/evil.example"]) {
      // The page streams, so the redirect may come as a 307 or in the page: follow it as a browser does.
      await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
      await expect.poll(() => new URL(page.url()).pathname, { message: next }).toBe("/");
      expect(new URL(page.url()).origin, next).toBe(new URL(baseURL!).origin);
    }
    // A path on this site is still followed.
    await page.goto(`/sign-in?next=${encodeURIComponent("/import")}`);
    await expect(page).toHaveURL(/\/import$/);
  });

  test("can still read and export", async ({ page }) => {
    await page.goto("/import");
    await expect(page.getByRole("link", { name: "CSV" }).first()).toBeVisible();
    await expect(page.getByTestId("import-file")).toHaveCount(0);
  });
});

test.describe("nobody signed in", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("is sent to sign in, and the API answers 401", async ({ page, request }) => {
    await page.goto("/items");
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fitems/);
    const response = await request.get("/api/v1/items");
    expect(response.status()).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: "unauthenticated" } });
  });
});
