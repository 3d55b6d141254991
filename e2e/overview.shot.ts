import path from "node:path";
import { expect, test } from "@playwright/test";
import { stateFile } from "./people";

// Not a test: `npm run screenshots` renders the overview a product manager opens, at a laptop's and
// a phone's width, in both colour schemes, into docs/screenshots/ (shown in the README). It runs on
// the end-to-end server (real build, demo data) and only when asked for (SCREENSHOTS=1).

const OUT = path.resolve(process.cwd(), "docs/screenshots");
const SIZES = [
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
] as const;

test.use({ storageState: stateFile("viewer") });

for (const colorScheme of ["light", "dark"] as const) {
  for (const size of SIZES) {
    test(`overview ${size.width} px ${colorScheme}`, async ({ page }) => {
      await page.setViewportSize(size);
      await page.emulateMedia({ colorScheme });
      await page.goto("/");
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expect(page.getByTestId("live-status")).toHaveAttribute("data-status", "live");
      await page.screenshot({ path: path.join(OUT, `overview-${size.width}-${colorScheme}.png`), animations: "disabled" });
    });
  }
}
