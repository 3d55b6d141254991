import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";
import { expectNoSeriousViolations, horizontalOverflow } from "./axe";
import { asOperatorRun, expect, importIntoNewProduct, test } from "./fixtures";
import { ENGINEER, TOKEN_FILE } from "./people";

/** Numbers a reader sees in `text`, dates ("31 Jan", "2 Feb 2027") left out: they are days, not counts. */
function numbersIn(text: string): string[] {
  const withoutDates = text.replace(/\b\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)( \d{4})?\b/g, "");
  return withoutDates.match(/\d+(?:[.,]\d+)?/g) ?? [];
}

test("the first screen gives the verdict and the open critical blockers as a list, and states no number twice", async ({ page, request }, testInfo) => {
  const product = await importIntoNewProduct(request, "overview");
  const { token } = JSON.parse(readFileSync(TOKEN_FILE, "utf8")) as { token: string };
  const headers = { authorization: `Bearer ${token}` };
  // Someone owns one blocker; the others are nobody's yet.
  const p03 = `/api/v1/items/P0-3?product=${product}`;
  const { version } = (await (await request.get(p03, { headers })).json()) as { version: number };
  expect((await request.patch(p03, { headers, data: { version, assignee: ENGINEER.email } })).status()).toBe(200);
  const listed = (await (await request.get(`/api/v1/items?product=${product}&category=critical_blocker&limit=100`, { headers })).json()) as { items: { key: string; status: string }[] };
  const open = listed.items.filter((i) => i.status !== "done" && i.status !== "wont_do").map((i) => i.key);
  expect(open).toHaveLength(5);

  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`/?product=${product}`);
  await expect(page.getByRole("heading", { name: "Executive summary" })).toBeVisible();

  // 1. The verdict, in the first screen: the forecast's status and sentence, and how to set a target.
  const verdict = page.getByRole("region", { name: "Forecast" });
  await expect(verdict.getByTestId("forecast-status")).toHaveText("No target date");
  await expect(verdict.getByTestId("forecast-sentence")).toContainText("(5 critical blockers)");
  // Engineers get a link to set it; a viewer (the tablet project) is told who can.
  if (await page.getByRole("form", { name: "Product plan" }).count()) {
    await expect(verdict.getByRole("link", { name: "Set a target date" })).toHaveAttribute("href", "#plan");
  } else {
    await expect(verdict.getByTestId("forecast-no-target")).toContainText("An engineer can set one.");
  }
  await expect(verdict).toBeInViewport({ ratio: 1 });

  // 2. The open critical blockers as a list, also in the first screen: key (to the item), title, owner, age, components.
  const blockers = page.getByTestId("blockers");
  await expect(blockers).toBeInViewport({ ratio: 1 });
  const rows = blockers.getByTestId("blocker-row");
  await expect(rows).toHaveCount(open.length);
  expect((await rows.evaluateAll((els) => els.map((el) => el.getAttribute("data-key")))).sort()).toEqual([...open].sort());
  for (const row of await rows.all()) {
    const key = (await row.getAttribute("data-key"))!;
    await expect(row.getByRole("link", { name: new RegExp(`^${key} `) })).toHaveAttribute("href", `/items/${key}?product=${product}`);
    await expect(row.getByTestId("blocker-title")).not.toBeEmpty();
    await expect(row.getByTestId("blocker-owner")).toHaveText(key === "P0-3" ? ENGINEER.name : "Unassigned");
    await expect(row.getByTestId("blocker-age")).toHaveText(/^opened (just now|\d+ (seconds?|minutes?) ago)$/);
    await expect(row.getByTestId("blocker-components").getByRole("link").first()).toHaveAttribute("href", new RegExp(`^/components/[a-z0-9-]+\\?product=${product}$`));
  }

  // No number twice in the summary: each figure (the sentence, the facts beside it) names in
  // data-figure the quantities it states, and none is stated by two. The old page stated the open
  // critical blockers three times ("5 of 6" on a tile, "6 · 5 open" on a card, and the sentence).
  const figures = await page
    .getByTestId("overview-summary")
    .locator("[data-figure]")
    .evaluateAll((els) => els.map((el) => ({ states: (el.getAttribute("data-figure") ?? "").split(" ").filter(Boolean), text: (el as HTMLElement).innerText })));
  const stated = figures.flatMap((f) => f.states);
  expect(stated).toEqual(expect.arrayContaining(["open-items", "open-critical-blockers", "remaining-effort", "components-certified", "phases-complete"]));
  expect(stated.filter((s, i) => stated.indexOf(s) !== i), `stated twice in ${JSON.stringify(figures)}`).toEqual([]);
  // And the count itself: the 5 open critical blockers are said once, in the sentence.
  expect(figures.flatMap((f) => numbersIn(f.text)).filter((n) => n === String(open.length))).toHaveLength(1);
  await page.screenshot({ path: testInfo.outputPath("overview-first-screen.png") });
  await page.screenshot({ path: testInfo.outputPath("overview.png"), fullPage: true });

  // The list leads to exactly the items it summarises.
  await blockers.getByRole("link", { name: "All critical blockers" }).click();
  await expect(page).toHaveURL(/category=critical_blocker/);
  await expect(page.locator("tbody tr")).toHaveCount(6);
});

test("with no open critical blocker the list says so calmly, a phone shows the verdict first, and what changed links to all of the week", async ({ page, request }, testInfo) => {
  const product = await importIntoNewProduct(request, "no-blockers");
  const { token } = JSON.parse(readFileSync(TOKEN_FILE, "utf8")) as { token: string };
  const headers = { authorization: `Bearer ${token}` };
  const listed = (await (await request.get(`/api/v1/items?product=${product}&category=critical_blocker&limit=100`, { headers })).json()) as { items: { key: string; status: string }[] };
  // Each open blocker is started, then done: two status changes each, more than the overview shows at once.
  const open = listed.items.filter((i) => i.status !== "done" && i.status !== "wont_do");
  for (const item of open) {
    for (const status of ["in_progress", "done"]) {
      const url = `/api/v1/items/${item.key}?product=${product}`;
      const { version } = (await (await request.get(url, { headers })).json()) as { version: number };
      expect((await request.patch(url, { headers, data: { version, status } })).status()).toBe(200);
    }
  }
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/?product=${product}`);
  await expect(page.getByTestId("blockers-empty")).toHaveText(/^No open critical blockers/);
  await expect(page.getByTestId("blocker-row")).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Forecast" })).toBeInViewport();
  const { scrollWidth, clientWidth, culprits } = await horizontalOverflow(page);
  expect(scrollWidth, `sticking out: ${culprits.join(", ")}`).toBeLessThanOrEqual(clientWidth + 1);
  await page.screenshot({ path: testInfo.outputPath("overview-phone-first-screen.png") });
  await page.screenshot({ path: testInfo.outputPath("overview-phone.png"), fullPage: true });

  // What changed shows the newest few, and links to all of the week's.
  const events = page.getByTestId("event-row");
  await expect(events).toHaveCount(8);
  await page.getByRole("link", { name: "Show every change of the last 7 days" }).click();
  await expect(events).toHaveCount(open.length * 2 + 1);
  await expect(page).toHaveURL(/changes=all/);
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
  await page.getByTestId("component-tile").getByRole("link", { name: "neuron-openshift-operator" }).click();
  await expect(page.getByRole("heading", { name: "neuron-openshift-operator" })).toBeVisible();
  await expect(page.getByText("public.ecr.aws/os-partners/neuron-openshift/operator")).toBeVisible();
  // P0-3 and P0-4 name the operator image; P0-2 is the image phase 1 rebuilds.
  await expect(page.getByTestId("component-open-critical_blocker")).toHaveText("3");
  await expect(page.getByText("Tags v0.1.3, v0.1.4 have no preflight run yet.")).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("component.png"), fullPage: true });
});

// ---- Charts, component tiles, what changed, the status report and the CSV export ----------

const PREFLIGHT = path.resolve(process.cwd(), "../shared/fixtures/preflight");
const FAILED_RUN = path.join(PREFLIGHT, "container_1.16.0_amd64_failed_HasNoProhibitedLabels.results.json");

/** A product with the customer's backlog and one failing run of the operator image, uploaded as a pipeline would. */
async function productWithRun(request: APIRequestContext, prefix: string): Promise<string> {
  const product = await importIntoNewProduct(request, prefix);
  test.info().skip(!existsSync(FAILED_RUN) && !process.env.CI, `fixture not found at ${FAILED_RUN}`);
  const { token } = JSON.parse(readFileSync(TOKEN_FILE, "utf8")) as { token: string };
  const response = await request.post(`/api/v1/preflight/runs?product=${product}&component=neuron-openshift-operator&arch=amd64`, {
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    data: asOperatorRun(readFileSync(FAILED_RUN)),
  });
  expect(response.status(), await response.text()).toBe(201);
  return product;
}

test("the overview's charts have text alternatives, and each component has a tile", async ({ page, request }, testInfo) => {
  const product = await productWithRun(request, "charts");
  await page.goto(`/?product=${product}`);

  await expect(page.getByTestId("blocker-row").first()).toBeVisible();
  await expect(page.getByTestId("overview-components-certified")).toHaveText(/^0 of \d+$/);
  await expect(page.getByTestId("overview-phases-complete")).toHaveText(/^\d of 3$/);

  // Each chart is an image named by a visible sentence, with its numbers in a table.
  const burndown = page.getByTestId("chart-burndown");
  await expect(burndown.getByRole("img", { name: /open critical blockers? on / })).toBeVisible();
  // The chart's own surface (the legend's icons are small surfaces of their own).
  await expect(burndown.locator(".recharts-wrapper > svg.recharts-surface")).toBeVisible();
  const categories = page.getByTestId("chart-categories");
  await expect(categories.getByRole("img", { name: /^19 items: Critical blocker 6 \(\d open\)/ })).toBeVisible();
  await categories.getByText("Show the data as a table").click();
  await expect(categories.getByRole("row", { name: /^Critical blocker/ }).getByRole("cell").last()).toHaveText("6");
  await expect(page.getByTestId("chart-runs-summary")).toHaveText("1 preflight run in the last 12 weeks: 0 passed, 1 failed. This week: 0 passed, 1 failed.");
  await page.getByTestId("chart-runs").getByText("Show the data as a table").click();
  await expect(page.getByTestId("chart-runs").getByRole("row").last().getByRole("cell")).toHaveText(["0", "1"]);

  // One tile per component, saying its status in words, its policy, its newest run and open blockers.
  const components = (await (await request.get(`/api/v1/components?product=${product}`)).json()) as { components: unknown[] };
  await expect(page.getByTestId("component-tile")).toHaveCount(components.components.length);
  const operator = page.locator('[data-testid="component-tile"][data-component="neuron-openshift-operator"]');
  await expect(operator).toContainText("Not started with Red Hat");
  await expect(operator).toContainText("container policy");
  await expect(operator.getByTestId("tile-last-run")).toHaveText(/^(just now|\d+ minutes? ago), failed \(amd64\)$/);
  await expect(operator.getByTestId("tile-open-blockers")).toHaveText(/^[1-9]\d* · \d+ open items?$/);
  await expect(page.locator('[data-testid="component-tile"][data-component="node-metrics-image"]').getByTestId("tile-last-run")).toHaveText("no run yet");
  await expectNoSeriousViolations(page, testInfo);
  await page.screenshot({ path: testInfo.outputPath("overview-charts.png"), fullPage: true });

  await operator.click({ position: { x: 10, y: 60 } });
  await expect(page).toHaveURL(new RegExp(`/components/neuron-openshift-operator\\?product=${product}$`));
});

test("what changed lists the week's events, filtered through the URL", async ({ page, request }, testInfo) => {
  const product = await productWithRun(request, "changes");
  await page.goto(`/?product=${product}`);
  const rows = page.getByTestId("event-row");
  await expect(rows.filter({ hasText: "Backlog imported: 19 created" })).toHaveCount(1);
  const failure = rows.filter({ hasText: "New failure on" });
  await expect(failure).toContainText("HasNoProhibitedLabels");
  await expect(failure.getByRole("link", { name: "Preflight run (amd64)" })).toHaveAttribute("href", /^\/runs\/[0-9a-f-]{36}$/);

  const filters = page.getByRole("search", { name: "Filter what changed" });
  await filters.getByLabel("Kind").selectOption("failure");
  await filters.getByLabel("Component").selectOption("neuron-openshift-operator");
  await filters.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/kind=failure/);
  await expect(page).toHaveURL(/component=neuron-openshift-operator/);
  await expect(rows.first()).toBeVisible();
  for (const kind of await rows.evaluateAll((els) => els.map((el) => el.getAttribute("data-kind")))) expect(kind).toBe("failure");

  // The URL is the state: a reload (or a colleague opening the link) shows the same.
  await page.reload();
  await expect(filters.getByLabel("Kind")).toHaveValue("failure");
  await expect(rows.filter({ hasText: "Backlog imported" })).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath("what-changed-filtered.png"), fullPage: true });

  await filters.getByLabel("Kind").selectOption("import");
  await filters.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByTestId("event-feed-empty")).toHaveText("No events match these filters in the last 7 days.");
  await page.getByRole("link", { name: "Clear filters" }).click();
  await expect(page).toHaveURL(new RegExp(`/\\?product=${product}$`));
  await expect(rows.filter({ hasText: "Backlog imported" })).toHaveCount(1);
});

test("the status report downloads as markdown, and the page prints without its controls", async ({ page, request }, testInfo) => {
  const product = await importIntoNewProduct(request, "report");
  await page.goto(`/?product=${product}`);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download status report" }).click()]);
  expect(download.suggestedFilename()).toMatch(new RegExp(`^${product}-status-\\d{4}-\\d{2}-\\d{2}\\.md$`));
  const markdown = readFileSync((await download.path())!, "utf8");
  expect(markdown).toContain("# Certification status:");
  expect(markdown).toContain("| Open critical blockers | 5 of 6 |");
  expect(markdown).toContain("## Open critical blockers");
  expect(markdown).toMatch(/\*\*Import\*\*: Backlog imported: 19 created/);

  // Printed, the page is the status report: verdict, blockers, changes and what remains, without
  // navigation or controls.
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
  await expect(page.getByRole("link", { name: "Download status report" })).toBeHidden();
  await expect(page.getByRole("button", { name: "Print" })).toBeHidden();
  await expect(page.getByRole("search", { name: "Filter what changed" })).toBeHidden();
  await expect(page.getByRole("form", { name: "Product plan" })).toBeHidden();
  // Engineers see sign-off buttons on screen; none is printed.
  const signOff = page.getByRole("button", { name: /^Sign off/, includeHidden: true });
  if (await page.getByRole("form", { name: "Product plan", includeHidden: true }).count()) expect(await signOff.count()).toBeGreaterThan(0);
  for (const button of await signOff.all()) await expect(button).toBeHidden();
  await expect(page.getByRole("region", { name: "Forecast" }).getByTestId("forecast-sentence")).toBeVisible();
  await expect(page.getByTestId("blocker-row")).toHaveCount(5);
  await expect(page.getByTestId("blocker-row").first()).toBeVisible();
  await expect(page.getByTestId("event-row").first()).toBeVisible();
  await expect(page.getByTestId("readiness-verdict")).toBeVisible();
  await expect(page.getByTestId("chart-categories")).toBeVisible();
  await expect(page.getByText(/Printed \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC\./)).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("overview-print.png"), fullPage: true });
});

test("Export CSV on /items carries the filters and holds exactly the filtered items", async ({ page, request }) => {
  const product = await importIntoNewProduct(request, "csv");
  await page.goto(`/items?product=${product}`);
  await page.getByLabel("Category").selectOption("critical_blocker");
  await expect(page).toHaveURL(/category=critical_blocker/);
  await expect(page.locator("tbody tr")).toHaveCount(6);
  const link = page.getByRole("link", { name: "Export CSV" });
  await expect(link).toHaveAttribute("href", /category=critical_blocker/);
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  expect(download.suggestedFilename()).toBe(`${product}-items.csv`);
  const lines = readFileSync((await download.path())!, "utf8").trim().split(/\r?\n/);
  expect(lines[0]).toMatch(/^key,title,category,/);
  const shown = await page.locator("tbody tr").evaluateAll((rows) => rows.map((row) => row.getAttribute("data-testid")?.replace(/^item-row-/, "")));
  expect(lines.slice(1).map((line) => line.split(",")[0])).toEqual(shown);
});
