import { seriousViolations } from "./axe";
import { expect, importIntoNewProduct, test } from "./fixtures";

// Search and the keyboard: the palette opens on Ctrl-K, finds an item by key and opens it from the
// keyboard; `?` lists the shortcuts; `g i` goes to the items; nothing fires while typing in a field.

test("Ctrl-K opens search, the arrow keys move through the results and Enter opens the item", async ({ page }, testInfo) => {
  const product = await importIntoNewProduct(page.request, "search");
  await page.goto(`/?product=${product}`);
  // The shortcuts listen once the header has hydrated (a Suspense boundary of its own: the page's
  // live status can be live before it), which the search button says.
  await expect(page.getByRole("button", { name: /Search…/ })).toHaveAttribute("data-shortcuts", "on");

  await page.keyboard.press("Control+K");
  const dialog = page.getByRole("dialog", { name: "Search" });
  await expect(dialog).toBeVisible();
  const input = dialog.getByRole("combobox", { name: "Search" });
  await expect(input).toBeFocused();
  // Before anything is typed, the go-to commands are there.
  await expect(dialog.getByRole("option", { name: /Items/ })).toBeVisible();

  await input.fill("nothing-is-called-this");
  await expect(dialog.getByText("No matches for “nothing-is-called-this”")).toBeVisible();

  // "P0" names several items: the arrow keys move through them.
  await input.fill("P0");
  const options = dialog.getByRole("option");
  await expect.poll(() => options.count()).toBeGreaterThan(1);
  await expect(options.first()).toHaveAttribute("aria-selected", "true");
  expect(await seriousViolations(page, testInfo)).toEqual([]);
  await input.press("ArrowDown");
  await expect(options.nth(1)).toHaveAttribute("aria-selected", "true");
  await expect(options.first()).toHaveAttribute("aria-selected", "false");
  await input.press("ArrowUp");
  await expect(options.first()).toHaveAttribute("aria-selected", "true");

  await input.fill("P0-1");
  await expect(options.first()).toContainText("P0-1 · Container Certification Prerequisites");
  await expect(options.first()).toHaveAttribute("aria-selected", "true");
  await input.press("Enter");

  await expect(page).toHaveURL(new RegExp(`/items/P0-1\\?product=${product}$`));
  await expect(page.getByRole("heading", { name: /Container Certification Prerequisites/ })).toBeVisible();
  await expect(page.getByRole("dialog", { name: "Search" })).toHaveCount(0);

  // Escape closes it again.
  await page.keyboard.press("Control+K");
  await expect(page.getByRole("dialog", { name: "Search" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog", { name: "Search" })).toHaveCount(0);
});

test("? shows the shortcuts, g i goes to the items, and typing in a field fires nothing", async ({ page }) => {
  const product = await importIntoNewProduct(page.request, "keys");
  await page.goto(`/?product=${product}`);
  // The shortcuts listen once the header has hydrated (a Suspense boundary of its own: the page's
  // live status can be live before it), which the search button says.
  await expect(page.getByRole("button", { name: /Search…/ })).toHaveAttribute("data-shortcuts", "on");

  await page.keyboard.press("?");
  const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(help).toBeVisible();
  await expect(help.getByText("Go to Items")).toBeVisible();
  await expect(help.getByText("New item")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(help).toHaveCount(0);

  await page.keyboard.press("g");
  await page.keyboard.press("i");
  await expect(page).toHaveURL(new RegExp(`/items\\?product=${product}$`));
  await expect(page.getByRole("heading", { name: "Backlog items" })).toBeVisible();

  // `/` opens search from the page too.
  await page.keyboard.press("/");
  await expect(page.getByRole("dialog", { name: "Search" })).toBeVisible();
  await page.keyboard.press("Escape");

  await page.goto(`/items/new?product=${product}`);
  const title = page.getByLabel("Title");
  await title.click();
  await page.keyboard.type("g i ?c/");
  await expect(title).toHaveValue("g i ?c/");
  await expect(page).toHaveURL(new RegExp(`/items/new\\?product=${product}$`));
  await expect(page.getByRole("dialog")).toHaveCount(0);
});
