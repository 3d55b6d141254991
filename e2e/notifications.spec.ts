import type { Browser } from "@playwright/test";
import { checkAccessible } from "./axe";
import { expect, importIntoNewProduct, test } from "./fixtures";
import { ADMIN, ENGINEER, stateFile } from "./people";

// The bell: another person assigns an item to the engineer through the API; the worker inside the
// server relays the outbox into a notification, and the engineer's bell shows it without a reload
// (the item list's live stream, or the bell's 30 s poll). Following its link marks it read.

/** Generous: the relay wakes on NOTIFY, and the bell polls every 30 s should the stream miss it. */
const ARRIVES = { timeout: 45_000 };
const BELL = /^Notifications, \d+ unread$/;

/** The admin assigns `key` to the engineer, as a person on another machine would (session cookie, same origin). */
async function assignToEngineer(browser: Browser, baseURL: string, product: string, key: string): Promise<void> {
  const context = await browser.newContext({ storageState: stateFile("admin"), baseURL });
  const path = `/api/v1/items/${key}?product=${product}`;
  const item = (await (await context.request.get(path)).json()) as { version: number };
  const response = await context.request.patch(path, { headers: { origin: baseURL }, data: { version: item.version, assignee: ENGINEER.email } });
  expect(response.status(), await response.text()).toBe(200);
  await context.close();
}

test("a notification reaches the bell, reads as a sentence, and is marked read by following it", async ({ page, browser, request, baseURL }, testInfo) => {
  const product = await importIntoNewProduct(request, "bell");
  await page.goto(`/items?product=${product}`);
  await expect(page.getByTestId("live-status")).toHaveText("Live");
  const bell = page.getByRole("button", { name: BELL });
  await expect(bell).toBeVisible();

  await assignToEngineer(browser, baseURL!, product, "P0-2");
  const sentence = `P0-2 assigned to ${ENGINEER.name} by ${ADMIN.name}: `;

  // The badge shows a count as soon as the notification is relayed.
  await expect(page.getByTestId("notification-badge")).toHaveText(/^[1-9]\d*\+?$/, ARRIVES);
  await bell.click();
  const panel = page.locator("#" + (await bell.getAttribute("aria-controls"))!);
  const row = panel.getByTestId("notification").filter({ hasText: sentence });
  await expect(row).toHaveAttribute("data-unread", "true", ARRIVES);
  await expect(row.getByRole("link")).toHaveText(new RegExp(`^${sentence.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`));
  await expect(row).toContainText(/just now|min ago/);
  await checkAccessible(page, testInfo, "notification-bell");

  // Escape closes the panel and gives the focus back to the bell.
  await page.keyboard.press("Escape");
  await expect(panel).toBeHidden();
  await expect(bell).toBeFocused();

  const before = Number(/(\d+) unread/.exec((await bell.getAttribute("aria-label"))!)![1]);
  await bell.click();
  await row.getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/items/P0-2\\?product=${product}`));
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("button", { name: `Notifications, ${before - 1} unread` })).toBeVisible();

  // The full list: the row is there, read now; the unread filter leaves it out.
  await page.goto("/notifications");
  const listed = page.getByTestId("notification").filter({ hasText: sentence });
  await expect(listed).toHaveAttribute("data-unread", "false");
  await checkAccessible(page, testInfo, "notifications-page");
  await page.getByRole("link", { name: /^Unread/ }).click();
  await expect(page).toHaveURL(/\/notifications\?unread=true$/);
  await expect(page.getByRole("link", { name: /^Unread/ })).toHaveAttribute("aria-current", "page");
  await expect(page.getByTestId("notification").filter({ hasText: sentence })).toHaveCount(0);
});
