import { expect, test, type Page } from "@playwright/test";
import { seriousViolations } from "./axe";

// Dark mode: the system setting is followed until someone chooses, the choice is a cookie the server
// reads (the html element is right from the first byte, no light flash), and printing stays light.
// Every page is checked by axe in both schemes in e2e/a11y.spec.ts.

/** The relative luminance (0 black … 1 white) of an element's computed colour, whatever syntax it is in. */
async function luminance(page: Page, selector: string, property: "backgroundColor" | "color"): Promise<number> {
  return page.evaluate(
    ([sel, prop]) => {
      const canvas = document.createElement("canvas").getContext("2d")!;
      canvas.fillStyle = getComputedStyle(document.querySelector(sel)!)[prop as "color"];
      canvas.fillRect(0, 0, 1, 1);
      const [r, g, b] = [...canvas.getImageData(0, 0, 1, 1).data].map((v) => {
        const c = v / 255;
        return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    },
    [selector, property] as const,
  );
}

const pageIsDark = async (page: Page) => (await luminance(page, "body", "backgroundColor")) < 0.05;
const OVERVIEW = "/?product=neuron-operator";

test.describe("with the system set to dark", () => {
  test.use({ colorScheme: "dark" });

  test("the page renders dark, its text light, and the toggle says it follows the system", async ({ page }, testInfo) => {
    await page.goto(OVERVIEW);
    await expect(page.getByRole("heading", { level: 1, name: "Executive summary" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Theme: System" })).toBeVisible();
    expect(await luminance(page, "body", "backgroundColor")).toBeLessThan(0.05);
    expect(await luminance(page, "body", "color")).toBeGreaterThan(0.7);
    // A card (bg-white in the markup) is a dark surface too, not a white box on a dark page.
    expect(await luminance(page, "[data-testid=chart-categories]", "color")).toBeGreaterThan(0.7);
    expect(await seriousViolations(page, testInfo)).toEqual([]);
  });

  test("printing stays light", async ({ page }) => {
    await page.goto(OVERVIEW);
    await expect(page.getByRole("heading", { level: 1, name: "Executive summary" })).toBeVisible();
    expect(await pageIsDark(page)).toBe(true);
    await page.emulateMedia({ media: "print" });
    expect(await luminance(page, "body", "backgroundColor")).toBeGreaterThan(0.8);
    expect(await luminance(page, "body", "color")).toBeLessThan(0.05);
  });
});

test("the toggle cycles System, Light and Dark, and the choice survives a reload", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto(OVERVIEW);
  await expect(page.getByRole("heading", { level: 1, name: "Executive summary" })).toBeVisible();
  // The toggle is in the header, which hydrates in a Suspense boundary of its own (the page's live
  // status can be live before it): the search button beside it says when the header listens.
  await expect(page.getByRole("button", { name: /Search…/ })).toHaveAttribute("data-shortcuts", "on");
  const toggle = page.getByTestId("theme-toggle");
  await expect(toggle).toHaveAccessibleName("Theme: System");
  expect(await pageIsDark(page)).toBe(false);

  await toggle.click();
  await expect(toggle).toHaveAccessibleName("Theme: Light");
  await page.emulateMedia({ colorScheme: "dark" });
  expect(await pageIsDark(page), "an explicit Light ignores a dark system").toBe(false);

  await toggle.click();
  await expect(toggle).toHaveAccessibleName("Theme: Dark");
  expect(await pageIsDark(page)).toBe(true);
  await page.emulateMedia({ colorScheme: "light" });
  expect(await pageIsDark(page), "an explicit Dark ignores a light system").toBe(true);

  // The server renders the choice: the html it sends already carries the class.
  const html = await (await page.request.get(OVERVIEW)).text();
  expect(html).toMatch(/<html lang="en" class="dark"/);
  await page.reload();
  await expect(toggle).toHaveAccessibleName("Theme: Dark");
  expect(await pageIsDark(page)).toBe(true);

  await toggle.click();
  await expect(toggle).toHaveAccessibleName("Theme: System");
  expect(await pageIsDark(page), "System follows the light system setting").toBe(false);
  await page.emulateMedia({ colorScheme: "dark" });
  expect(await pageIsDark(page), "System follows the dark system setting").toBe(true);
  await page.reload();
  await expect(toggle).toHaveAccessibleName("Theme: System");
  expect(await pageIsDark(page)).toBe(true);
  expect(await (await page.request.get(OVERVIEW)).text()).toMatch(/<html lang="en">/);
});

test.describe("signed out", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("the sign-in page has the toggle too", async ({ page }) => {
    await page.emulateMedia({ colorScheme: "light" });
    await page.goto("/sign-in");
    await expect(page.getByRole("heading", { level: 1, name: "Sign in to Certboard" })).toBeVisible();
    const toggle = page.getByTestId("theme-toggle");
    await expect(toggle).toHaveAccessibleName("Theme: System");
    // Signed out there is no live status to wait for: a click before hydration is lost, so click
    // again while the toggle still says System.
    await expect(async () => {
      if ((await toggle.getAttribute("aria-label")) === "Theme: System") await toggle.click();
      await expect(toggle).toHaveAccessibleName("Theme: Light", { timeout: 1_000 });
    }).toPass();
    await toggle.click();
    await expect(toggle).toHaveAccessibleName("Theme: Dark");
    expect(await pageIsDark(page)).toBe(true);
  });
});
