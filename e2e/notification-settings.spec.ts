import { expect, test } from "./fixtures";
import { stateFile, VIEWER } from "./people";

test.describe("notification settings", () => {
  test.use({ storageState: stateFile("viewer"), viewport: { width: 1280, height: 900 } });

  test("anyone signed in reaches them from the account menu, turns the digest off and finds it off after a reload", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("button", { name: `Account: ${VIEWER.name}` }).click();
    await page.getByRole("link", { name: "Notification settings" }).click();
    await expect(page).toHaveURL(/\/settings\/notifications$/);
    await expect(page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Notifications" })).toHaveAttribute("aria-current", "page");
    // The end-to-end server has no SMTP_URL.
    await expect(page.getByText("Email is off on this server")).toBeVisible();
    await expect(page.getByText("In-app notifications still arrive", { exact: false })).toBeVisible();

    const digest = page.getByRole("switch", { name: /Weekly digest/ });
    await expect(digest).toBeChecked();
    await expect(page.getByRole("switch", { name: /Regressions/ })).toBeChecked();
    await digest.uncheck();
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByText("Notification choices saved.")).toBeVisible();
    await page.reload();
    await expect(page.getByRole("switch", { name: /Weekly digest/ })).not.toBeChecked();
    await expect(page.getByRole("switch", { name: /Assigned to me/ })).toBeChecked();

    // Back on, so the spec can run again on the same database.
    await page.getByRole("switch", { name: /Weekly digest/ }).check();
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByText("Notification choices saved.")).toBeVisible();
  });
});
