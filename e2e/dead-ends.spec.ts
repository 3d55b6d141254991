import { expect, test } from "./fixtures";

// No dead ends: a missing record answers 404 with a whole page that names it and links onward,
// a bad filter says so instead of showing everything, and every page has its icons.

const DEMO = "neuron-operator";
const q = `product=${DEMO}`;
// A well-formed id no run has (test titles must be the same in every worker).
const RUN_ID = "00000000-0000-4000-8000-000000000000";

const MISSING = [
  { path: `/items/NOPE-999?${q}`, message: "No item NOPE-999 in AWS Neuron Operator for OpenShift.", link: "All items" },
  { path: `/components/nope?${q}`, message: "No component nope in AWS Neuron Operator for OpenShift.", link: "Overview (every component)" },
  { path: `/phases/nope?${q}`, message: "No phase nope in AWS Neuron Operator for OpenShift.", link: "All phases" },
  { path: `/runs/${RUN_ID}`, message: `No preflight run ${RUN_ID}.`, link: "All preflight runs" },
  { path: "/runs/not-a-uuid", message: "No preflight run not-a-uuid.", link: "All preflight runs" },
  { path: "/items?product=no-such-product", message: "No product “no-such-product”.", link: "All items" },
  { path: "/no-such-page", message: "Nothing at /no-such-page.", link: "Overview" },
];

for (const { path, message, link } of MISSING) {
  test(`signed in, ${path} answers 404 and names what is missing`, async ({ page }) => {
    // The whole document arrives with the 404 status (no streamed 200 shell, no cut connection).
    const response = await page.request.get(path);
    expect(response.status()).toBe(404);
    const html = await response.text();
    expect(html).toContain(message);
    expect(html.trimEnd()).toMatch(/<\/html>$/);

    expect((await page.goto(path))?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
    await expect(page.getByTestId("not-found-message")).toHaveText(message);
    await expect(page.getByRole("main").getByRole("link", { name: link, exact: true })).toBeVisible();
    await expect(page.getByText("to search.")).toBeVisible();
  });
}

test.describe("signed out", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("a record's address still leads to sign-in; an unknown address is a 404 that names it", async ({ page }) => {
    await page.goto(`/items/NOPE-999?${q}`);
    await expect(page).toHaveURL(/\/sign-in\?next=/);
    await expect(page.getByRole("heading", { name: "Sign in to Certboard" })).toBeVisible();

    expect((await page.goto("/no-such-page"))?.status()).toBe(404);
    await expect(page.getByTestId("not-found-message")).toHaveText("Nothing at /no-such-page.");
    await expect(page.getByText("to search.")).toHaveCount(0);
  });
});

test("a bad filter is named in an alert, the good ones still apply, and a link clears it", async ({ page }) => {
  await page.goto(`/items?${q}&status=bogus&priority=P0`);
  const alert = page.getByRole("alert").filter({ hasText: "This filter was ignored" });
  await expect(alert).toContainText('status: "bogus" is not one of: not_started, in_progress');
  await expect(page.locator('select[name="priority"]')).toHaveValue("P0");
  await alert.getByRole("link", { name: "Clear this filter" }).click();
  await expect(page).toHaveURL((url) => url.searchParams.get("priority") === "P0" && !url.searchParams.has("status"));
  await expect(page.getByTestId("query-problems")).toHaveCount(0);

  await page.goto(`/items?${q}&sort=nope&category=bogus`);
  await expect(page.getByRole("alert").filter({ hasText: "These filters were ignored" })).toContainText('sort: "nope" is not one of: key, title');

  await page.goto(`/runs?${q}&offset=-3`);
  await expect(page.getByRole("alert").filter({ hasText: "This filter was ignored" })).toContainText("offset: Too small");

  await page.goto(`/?${q}&kind=bogus&component=no-such-component`);
  const overview = page.getByRole("alert").filter({ hasText: "These filters were ignored" });
  await expect(overview).toContainText('kind: "bogus" is not one of');
  await expect(overview).toContainText('component: "no-such-component" is not a component of neuron-operator');
});

test("the API refuses a bad filter with 400 naming the parameter and what it allows", async ({ page }) => {
  const items = await page.request.get(`/api/v1/items?${q}&status=bogus`);
  expect(items.status()).toBe(400);
  const body = (await items.json()) as { error: { code: string; message: string } };
  expect(body.error).toMatchObject({ code: "invalid", message: expect.stringContaining('status: "bogus" is not one of: not_started, in_progress') });
  const runs = await page.request.get(`/api/v1/preflight/runs?${q}&unassigned=maybe`);
  expect(runs.status()).toBe(400);
  expect(((await runs.json()) as { error: { message: string } }).error.message).toBe("unassigned: true or false");
});

test("every page links a favicon and an app icon that load", async ({ page }) => {
  const missing: string[] = [];
  page.on("response", (response) => {
    if (response.status() === 404) missing.push(response.url());
  });
  for (const path of [`/?${q}`, `/items?${q}`, "/no-such-page"]) {
    await page.goto(path);
    const icons = await page.locator('link[rel="icon"], link[rel="apple-touch-icon"]').evaluateAll((links) => links.map((l) => (l as HTMLLinkElement).href));
    expect(icons.length, path).toBeGreaterThanOrEqual(3);
    for (const href of icons) {
      const response = await page.request.get(href);
      expect(response.status(), href).toBe(200);
      expect(response.headers()["content-type"], href).toMatch(/^image\//);
    }
  }
  expect((await page.request.get("/favicon.ico")).status()).toBe(200);
  expect(missing.filter((url) => !url.includes("no-such-page"))).toEqual([]);
});
