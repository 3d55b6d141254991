import { expect, importIntoNewProduct, test } from "./fixtures";

// An engineer limits a pipeline's token to one product in /settings/tokens; the token then works
// there and is refused (403) on another product.
test("a token created in the browser for one product works there and is refused elsewhere", async ({ page, request, playwright, baseURL }) => {
  const mine = await importIntoNewProduct(request, "scope-mine");
  const other = await importIntoNewProduct(request, "scope-other");
  await page.goto("/settings/tokens");
  const name = `scoped-${Date.now()}`;
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Role").selectOption("engineer");
  const products = page.getByRole("group", { name: "Products" });
  await products.getByRole("checkbox", { name: new RegExp(mine) }).check();
  await page.getByRole("button", { name: "Create token" }).click();
  const secret = (await page.getByTestId("new-token-secret").textContent())?.trim() ?? "";
  expect(secret).toMatch(/^cbt_/);
  await expect(page.getByRole("row", { name: new RegExp(name) })).toContainText(`Only ${mine}`);

  const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${secret}` } });
  expect((await api.get(`/api/v1/items?product=${mine}`)).status()).toBe(200);
  const refused = await api.get(`/api/v1/items?product=${other}`);
  expect(refused.status()).toBe(403);
  expect(await refused.json()).toMatchObject({ error: { code: "forbidden" } });
  await api.dispose();
});
