import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { APIRequestContext, Page } from "@playwright/test";
import { asOperatorRun, expect, importIntoNewProduct, test } from "./fixtures";
import { TOKEN_FILE } from "./people";

// The component board pages its grid (newest tags first) and its run history: the first page comes
// with the page, older ones load on demand, by keyboard or by click, and a live update keeps every
// loaded page without showing a tag or a run twice.

const PREFLIGHT = path.resolve(process.cwd(), "../shared/fixtures/preflight");
const PASSED = path.join(PREFLIGHT, "container_1.15.2_amd64_passed.results.json");
const OPERATOR = "neuron-openshift-operator";
const REPOSITORY = "public.ecr.aws/os-partners/neuron-openshift/operator";
// 56 builds: three pages of tags (25 + 25 + the rest, with the document's v0.1.3 and v0.1.4) and two of runs (50 + 6).
const BUILDS = 56;
const PUSHED = { timeout: 8_000 };

const tagOf = (n: number) => `t-${String(n).padStart(2, "0")}`;
const bearer = () => ({ authorization: `Bearer ${(JSON.parse(readFileSync(TOKEN_FILE, "utf8")) as { token: string }).token}` });

async function upload(request: APIRequestContext, product: string, n: number): Promise<string> {
  const doc = JSON.parse(asOperatorRun(readFileSync(PASSED))) as { image: string };
  doc.image = `${REPOSITORY}:${tagOf(n)}`;
  const response = await request.post(`/api/v1/preflight/runs?product=${product}&component=${OPERATOR}&arch=amd64`, {
    headers: { "content-type": "application/json", ...bearer() },
    data: JSON.stringify(doc),
  });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { runs: { id: string }[] }).runs[0]!.id;
}

const tagRows = (page: Page) => page.locator('[data-testid^="grid-"][data-testid$="-amd64"]');
const historyRows = (page: Page) => page.locator('[data-testid^="run-history-"]');

/** Every row shown once: the tags (and runs) on the page are all different. */
async function expectNoDuplicates(page: Page) {
  const tags = await tagRows(page).evaluateAll((cells) => cells.map((c) => c.getAttribute("data-testid")));
  expect(new Set(tags).size).toBe(tags.length);
  const runs = await historyRows(page).evaluateAll((rows) => rows.map((r) => r.getAttribute("data-testid")));
  expect(new Set(runs).size).toBe(runs.length);
}

test("older tags and runs load by keyboard and by click, and a live update keeps them without duplicates", async ({ page, request }) => {
  test.setTimeout(120_000);
  const present = existsSync(PASSED);
  if (!present && process.env.CI) throw new Error(`Missing preflight fixture ${PASSED}: CI must have shared/ beside the clone.`);
  test.info().skip(!present, "preflight fixture missing");
  const product = await importIntoNewProduct(request, "paging");
  const runs: string[] = [];
  for (let n = 0; n < BUILDS; n++) runs.push(await upload(request, product, n));

  // The API: one page of each, newest first, and how to ask for the next.
  const api = (query: string) => request.get(`/api/v1/components/${OPERATOR}?product=${product}${query}`, { headers: bearer() });
  const board = (await (await api("")).json()) as { grid: { tags: string[]; total: number; nextCursor: string | null; hasMore: boolean }; history: { id: string }[]; historyPage: { hasMore: boolean } };
  expect(board.grid.tags.slice(0, 2)).toEqual([tagOf(55), tagOf(54)]);
  expect(board.grid).toMatchObject({ total: BUILDS + 2, hasMore: true });
  expect(board.history).toHaveLength(50);
  expect(board.historyPage.hasMore).toBe(true);
  const bad = await api("&tags=nonsense");
  expect(bad.status()).toBe(400);
  expect(await bad.text()).toContain("tags must be the nextCursor of a previous answer");

  await page.goto(`/components/${OPERATOR}?product=${product}`);
  await expect(page.getByTestId("live-status")).toHaveText("Live");
  await expect(tagRows(page)).toHaveCount(25);
  await expect(page.getByTestId(`grid-${tagOf(55)}-amd64`)).toBeVisible();
  await expect(page.getByTestId("grid-more-status")).toHaveText(`Showing 25 of ${BUILDS + 2} tags, newest first.`);

  // Keyboard: Tab reaches the button, Enter loads the next page.
  const more = page.getByRole("button", { name: "Show older tags" });
  await page.getByTestId(`grid-${tagOf(31)}-amd64`).getByRole("link").focus();
  await page.keyboard.press("Tab");
  await expect(more).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(tagRows(page)).toHaveCount(50);
  await expect(page.getByTestId(`grid-${tagOf(6)}-amd64`)).toBeVisible();

  // A failed load (and its one automatic retry) says so and can be tried again; the click then loads the last page.
  let failures = 0;
  await page.route(/\/api\/v1\/components\/[^/?]+\/grid\?.*tags=/, async (route) => {
    if (failures++ < 2) return route.fulfill({ status: 503, contentType: "application/json", body: JSON.stringify({ error: { code: "unavailable", message: "The database is busy." } }) });
    return route.continue();
  });
  await more.click();
  await expect(page.getByRole("alert").filter({ hasText: "Show older tags failed" })).toBeVisible();
  await more.click();
  await expect(tagRows(page)).toHaveCount(BUILDS + 2);
  await expect(page.getByTestId("grid-v0.1.3-amd64")).toBeVisible();
  await expect(more).toHaveCount(0);
  await expect(page.getByTestId("grid-more-status")).toHaveText(`Showing ${BUILDS + 2} of ${BUILDS + 2} tags, newest first.`);

  // The history: "Show more runs" by keyboard.
  await expect(historyRows(page)).toHaveCount(50);
  await page.getByRole("button", { name: "Show more runs" }).focus();
  await page.keyboard.press("Space");
  await expect(historyRows(page)).toHaveCount(BUILDS);
  await expect(page.getByTestId(`run-history-${runs[0]}`)).toBeVisible();

  // A pipeline uploads a new build while every page is loaded: it appears on top, nothing is lost or doubled.
  const newest = await upload(request, product, BUILDS);
  await expect(page.getByTestId(`grid-${tagOf(BUILDS)}-amd64`)).toBeVisible(PUSHED);
  await expect(page.getByTestId(`run-history-${newest}`)).toBeVisible(PUSHED);
  await expect(tagRows(page)).toHaveCount(BUILDS + 3);
  await expect(historyRows(page)).toHaveCount(BUILDS + 1);
  await expect(page.getByTestId("grid-v0.1.3-amd64")).toBeVisible();
  await expect(page.getByTestId(`run-history-${runs[0]}`)).toBeVisible();
  await expectNoDuplicates(page);
  await expect(tagRows(page).first()).toHaveAttribute("data-testid", `grid-${tagOf(BUILDS)}-amd64`);
});
