import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { startFakePyxis } from "../tests/fake-pyxis";
import { checkAccessible } from "./axe";
import { DEMO_OPERATOR, expect, importIntoNewProduct, test } from "./fixtures";
import { stateFile, TOKEN_FILE } from "./people";

// An admin connects a product to Red Hat's catalog (a fake catalog this spec runs, shaped as
// certification-domain.md §6), tests the connection, syncs, and reads Red Hat's facts, images and
// grades on the component board. The key is never shown back.
test.use({ storageState: stateFile("admin") });

const PROJECT = "6a1b2c3d4e5f60718293a4b5";
const bearer = () => ({ authorization: `Bearer ${(JSON.parse(readFileSync(TOKEN_FILE, "utf8")) as { token: string }).token}` });

test("an admin connects Red Hat's catalog, syncs, and the component shows Red Hat's status, images and grades", async ({ page, request }, testInfo) => {
  const key = `pyxis-key-${randomUUID()}`;
  const fake = await startFakePyxis({ apiKey: key });
  try {
    const product = await importIntoNewProduct(request, "pyxis");
    const board = (await (await request.get(`/api/v1/components/${DEMO_OPERATOR}?product=${product}`, { headers: bearer() })).json()) as { component: { version: number } };
    const patched = await request.patch(`/api/v1/components/${DEMO_OPERATOR}?product=${product}`, { headers: bearer(), data: { version: board.component.version, connectProjectId: PROJECT } });
    expect(patched.status(), await patched.text()).toBe(200);
    fake.setProject(PROJECT, {
      project: { _id: PROJECT, certification_status: "In Progress", project_status: "active", container: { privileged: false, os_content_type: "Red Hat Universal Base Image (UBI)" } },
      images: [
        {
          _id: "img-1",
          docker_image_digest: `sha256:${"ab".repeat(32)}`,
          architecture: "amd64",
          certified: true,
          repositories: [{ registry: "registry.connect.redhat.com", repository: "aws/neuron-operator", published: true, tags: [{ name: "v0.1.5" }] }],
          freshness_grades: [{ grade: "B", start_date: "2026-11-01T00:00:00Z", end_date: null }],
        },
      ],
      testResults: [{ _id: "tr-1", image_id: "img-1", passed: true, version: "1.12.1", creation_date: "2026-11-02T00:00:00Z" }],
    });

    await page.goto(`/settings/integrations?product=${product}`);
    await expect(page.getByRole("heading", { name: "Settings" })).toBeVisible();
    await expect(page.getByText("Not connected")).toBeVisible();
    await expect(page.getByRole("button", { name: "Sync now" })).toBeDisabled();
    await page.getByLabel("Catalog API URL").fill(fake.url);
    await page.getByLabel("API key").fill(key);
    await page.getByRole("button", { name: "Connect", exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
    await expect(page.getByLabel("API key")).toHaveValue("");
    await expect(page.getByText(`Connected to ${fake.url}`)).toBeVisible();

    await page.getByRole("button", { name: "Test connection" }).click();
    await expect(page.getByText("The catalog answered")).toBeVisible();

    await page.getByRole("button", { name: "Sync now" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Sync done" })).toBeVisible();
    const syncs = page.getByRole("list", { name: "Syncs" });
    await expect(syncs.getByRole("listitem").first()).toContainText("Synced");
    await expect(syncs.getByRole("listitem").first()).toContainText("Ada Admin");
    expect(await page.content()).not.toContain(key);
    await checkAccessible(page, testInfo, "integrations");

    await page.goto(`/components/${DEMO_OPERATOR}?product=${product}`);
    await expect(page.getByTestId("red-hat-synced")).toContainText(/from Red Hat, synced (just now|\d+ min ago)/);
    await expect(page.getByText("Red Hat: In progress")).toBeVisible();
    const images = page.getByRole("table", { name: "Images Red Hat lists" });
    await expect(images.getByRole("row").nth(1)).toContainText("v0.1.5");
    await expect(images.getByRole("row").nth(1)).toContainText("B");
    await expect(images.getByRole("row").nth(1)).toContainText("no run here yet");
    await expect(page.getByRole("row").filter({ hasText: "CTR-13" })).toContainText("Worst health grade from Red Hat: B");
    await expect(page.getByRole("list", { name: "Component history" }).getByRole("listitem").filter({ hasText: "Certification status" }).first()).toContainText("by Red Hat");
    expect(await page.content()).not.toContain(key);
    await checkAccessible(page, testInfo, "component-red-hat");

    // On a phone both pages fit the window: the images table scrolls inside its own box.
    await page.setViewportSize({ width: 390, height: 844 });
    await checkAccessible(page, testInfo, "component-red-hat-phone");
    await page.goto(`/settings/integrations?product=${product}`);
    await expect(page.getByRole("list", { name: "Syncs" })).toBeVisible();
    await checkAccessible(page, testInfo, "integrations-phone");
  } finally {
    await fake.close();
  }
});
