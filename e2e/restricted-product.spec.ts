import { expect, importIntoNewProduct, test } from "./fixtures";
import { ENGINEER, stateFile } from "./people";

// An admin restricts a product to one member: for everyone else it does not exist, in the product
// switcher and at its addresses; the member still sees it.
test("a restricted product is gone for a non-member and there for its member", async ({ page, browser, request, baseURL }) => {
  const product = await importIntoNewProduct(request, "restricted");
  const admin = await browser.newContext({ storageState: stateFile("admin") });
  const asAdmin = (method: "PATCH" | "PUT", url: string, data: unknown) => admin.request.fetch(url, { method, data, headers: { origin: baseURL! } });
  expect((await asAdmin("PATCH", `/api/v1/products/${product}`, { restricted: true })).status()).toBe(200);
  expect((await asAdmin("PUT", `/api/v1/products/${product}/members`, [{ user: ENGINEER.email, role: "viewer" }])).status()).toBe(200);
  await admin.close();

  const viewer = await browser.newContext({ storageState: stateFile("viewer") });
  const stranger = await viewer.newPage();
  await stranger.goto(`/items?product=${product}`);
  await expect(stranger.getByRole("heading", { name: "Not found" })).toBeVisible();
  await stranger.goto("/");
  await expect(stranger.getByRole("combobox", { name: "Product" }).locator(`option[value="${product}"]`)).toHaveCount(0);
  expect((await stranger.request.get(`/api/v1/items?product=${product}`)).status()).toBe(404);
  await viewer.close();

  // The engineer is a member (as a viewer there): the product is listed and readable.
  await page.goto(`/items?product=${product}`);
  await expect(page.getByRole("heading", { name: "Not found" })).toHaveCount(0);
  await expect(page.getByRole("combobox", { name: "Product" }).locator(`option[value="${product}"]`)).toHaveCount(1);
  await expect(page.getByText("P0-1").first()).toBeVisible();
});
