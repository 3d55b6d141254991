import { mkdirSync, writeFileSync } from "node:fs";
import { expect, test as setup, type Page } from "@playwright/test";
import { checkAccessible } from "./axe";
import { ADMIN, AUTH_DIR, ENGINEER, stateFile, TOKEN_FILE, VIEWER } from "./people";

async function signIn(page: Page, who: { email: string; password: string }) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password", { exact: true }).fill(who.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Executive summary" })).toBeVisible();
}

setup("first-run setup, then people sign in", async ({ browser, baseURL }, testInfo) => {
  mkdirSync(AUTH_DIR, { recursive: true });
  const origin = { origin: baseURL! };

  // A fresh database: every page leads to /setup, which creates the first admin and signs them in.
  const adminPage = await (await browser.newContext()).newPage();
  await adminPage.goto("/items");
  await expect(adminPage).toHaveURL(/\/setup$/);
  // The only moment /setup exists: check it here at both widths and in both colour schemes of e2e/a11y.spec.ts.
  for (const width of [1280, 800]) {
    for (const colorScheme of ["light", "dark"] as const) {
      await adminPage.setViewportSize({ width, height: 900 });
      await adminPage.emulateMedia({ colorScheme });
      await checkAccessible(adminPage, testInfo, `setup-${width}-${colorScheme}`);
    }
  }
  await adminPage.emulateMedia({ colorScheme: null });
  await adminPage.getByLabel("Name").fill(ADMIN.name);
  await adminPage.getByLabel("Email").fill(ADMIN.email);
  await adminPage.getByLabel("Password", { exact: true }).fill(ADMIN.password);
  await adminPage.getByLabel("Confirm password").fill(ADMIN.password);
  await adminPage.getByRole("button", { name: /create/i }).click();
  await expect(adminPage.getByRole("heading", { name: "Executive summary" })).toBeVisible();
  await expect(adminPage.getByText(ADMIN.name)).toBeVisible();
  await adminPage.context().storageState({ path: stateFile("admin") });

  // Setup is gone for good: a second attempt is refused.
  const again = await adminPage.request.post("/api/v1/setup", { data: { ...ADMIN, email: "second@e2e.test" }, headers: origin });
  expect(again.status()).toBe(403);

  for (const [person, role] of [[ENGINEER, "engineer"], [VIEWER, "viewer"]] as const) {
    const created = await adminPage.request.post("/api/v1/users", { data: { ...person, role }, headers: origin });
    expect(created.status(), await created.text()).toBe(201);
  }

  for (const [person, who] of [[ENGINEER, "engineer"], [VIEWER, "viewer"]] as const) {
    const page = await (await browser.newContext()).newPage();
    await signIn(page, person);
    await page.context().storageState({ path: stateFile(who) });
    if (who === "engineer") {
      const response = await page.request.post("/api/v1/tokens", { data: { name: "e2e imports", role: "engineer", expires: "1d" }, headers: origin });
      expect(response.status(), await response.text()).toBe(201);
      const { token } = (await response.json()) as { token: { token: string } };
      writeFileSync(TOKEN_FILE, JSON.stringify({ token: token.token }));
    }
  }
});
