import { expect, test } from "@playwright/test";

// The API reference (/api/docs): rendered by the server from the OpenAPI document, so it must work
// with nothing but our own origin (disconnected data centres), under the page CSP, by keyboard.

test.describe("the API reference", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("works offline under the page CSP, lists every operation and is usable with the keyboard", async ({ page, baseURL }) => {
    const origin = new URL(baseURL!).origin;
    const foreign: string[] = [];
    await page.route(
      (url) => url.origin !== origin,
      (route) => {
        foreign.push(route.request().url());
        return route.abort();
      },
    );
    const refused: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) refused.push(message.text());
    });

    const response = await page.goto("/api/docs");
    expect(response?.status()).toBe(200);
    const csp = response?.headers()["content-security-policy"] ?? "";
    expect(csp).toContain("script-src 'self' 'nonce-");
    expect(csp).not.toContain("default-src 'none'");
    await expect(page.getByRole("heading", { level: 1, name: /^Certboard API v\d+\.\d+\.\d+/ })).toBeVisible();

    // The JSON document keeps the API's own CSP, and the page shows each of its operations.
    const document = await page.request.get("/api/v1/openapi.json");
    expect(document.headers()["content-security-policy"]).toContain("default-src 'none'");
    const paths = ((await document.json()) as { paths: Record<string, Record<string, unknown>> }).paths;
    const operations = Object.values(paths).reduce((n, item) => n + Object.keys(item).length, 0);
    await expect(page.locator("main section[id] > header > code")).toHaveCount(operations);

    // From the navigation to an operation, and its answer opened, without a mouse.
    await page.getByRole("navigation", { name: "API operations" }).getByRole("link", { name: /Edit an item$/ }).focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/#patch-api-v1-items-key$/);
    const card = page.locator("#patch-api-v1-items-key");
    await expect(card.getByRole("heading", { name: "Edit an item" })).toBeVisible();
    await card.locator("summary", { hasText: "request body" }).focus();
    await page.keyboard.press("Enter");
    await expect(card.getByRole("heading", { name: "Parameters" })).toBeVisible();
    await expect(card.getByRole("cell", { name: "product", exact: true })).toBeVisible();
    await card.locator("summary", { hasText: /^200/ }).focus();
    await page.keyboard.press("Enter");
    await card.getByText("Example response").click();
    await expect(card.locator("pre").first()).toContainText('"version"');

    expect(foreign).toEqual([]);
    expect(refused).toEqual([]);
  });
});

test("the tokens page leads to the API reference", async ({ page }) => {
  await page.goto("/settings/tokens");
  await page.getByRole("link", { name: "API reference" }).click();
  await expect(page).toHaveURL(/\/api\/docs$/);
  await expect(page.getByRole("heading", { level: 1, name: /^Certboard API/ })).toBeVisible();
});
