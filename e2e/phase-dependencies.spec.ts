import { readFileSync } from "node:fs";
import type { APIRequestContext } from "@playwright/test";
import { checkAccessible } from "./axe";
import { expect, importIntoNewProduct, test } from "./fixtures";
import { ENGINEER, stateFile, TOKEN_FILE } from "./people";

// The seeded demo's bundle phase waits on phases 1 and 2 and on six images, none of them published:
// these tests only read the demo (other specs share it); the completion flow runs on a product of its own.
const DEMO = "neuron-operator";
const SIX_IMAGES = ["Operator image", "Neuron kernel driver (KMM)", "Neuron device plugin", "EKS kube-scheduler", "Neuron scheduler extension", "Node metrics"];
const WAITING = `Waiting on 6 of 6 referenced images: ${SIX_IMAGES.join(", ")}.`;

const auth = () => ({ authorization: `Bearer ${(JSON.parse(readFileSync(TOKEN_FILE, "utf8")) as { token: string }).token}` });

async function phaseVersion(request: APIRequestContext, product: string, key: string): Promise<number> {
  const response = await request.get(`/api/v1/phases/${key}?product=${product}`, { headers: auth() });
  expect(response.status(), await response.text()).toBe(200);
  return ((await response.json()) as { phase: { version: number } }).phase.version;
}

test("the bundle phase names the six images it waits for and cannot be marked complete", async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 800, height: 1000 });
  await page.goto(`/phases/phase-3?product=${DEMO}`);
  await expect(page.getByRole("heading", { level: 1, name: "Phase 3: Operator Certification" })).toBeVisible();

  const panel = page.getByTestId("phase-dependencies");
  await expect(panel.getByTestId("phase-images-line")).toHaveText(WAITING);
  // Each image with its status in words, linked to its component board; Red Hat's own scheduler is not ours to wait for.
  for (const name of SIX_IMAGES) await expect(panel.getByRole("link", { name, exact: true })).toBeVisible();
  await expect(panel.getByRole("link", { name: "OpenShift kube-scheduler" })).toHaveCount(0);
  await expect(panel.getByTestId("phase-gate-neuron-driver")).toContainText("not created");
  await expect(panel.getByTestId("phase-gate-neuron-openshift-operator")).toContainText("in progress");
  await expect(panel.getByRole("link", { name: "Neuron kernel driver (KMM)" })).toHaveAttribute("href", `/components/neuron-driver?product=${DEMO}`);
  await expect(panel.getByRole("link", { name: "Phase 1: Operator Image Fixes" })).toBeVisible();
  await expect(panel.getByRole("link", { name: "Phase 2: Container Prerequisites" })).toBeVisible();

  const complete = panel.getByRole("button", { name: "Mark phase complete" });
  await expect(complete).toBeDisabled();
  const reason = page.getByTestId("phase-complete-reason");
  await expect(reason).toContainText(`Cannot be marked complete yet. ${WAITING}`);
  await expect(reason).toContainText("Waiting on 2 of 2 prerequisite phases: Phase 1 (Operator Image Fixes), Phase 2 (Container Prerequisites).");
  await expect(complete).toHaveAttribute("aria-describedby", "phase-complete-reason");

  // The critical path names P0-1 (phase 2, and five of the images) as holding up this phase.
  await expect(page.getByTestId("critical-path-P0-1")).toContainText("Phase 3: Operator Certification");
  await checkAccessible(page, testInfo, "bundle-phase-800");
});

test("completing the bundle phase through the API is refused with the missing images", async ({ request }) => {
  const version = await phaseVersion(request, DEMO, "phase-3");
  const response = await request.patch(`/api/v1/phases/phase-3?product=${DEMO}`, { headers: auth(), data: { version, completed: true } });
  expect(response.status()).toBe(409);
  const { error } = (await response.json()) as { error: { code: string; message: string; details: { blockedBy: { components: { name: string }[] } } } };
  expect(error.code).toBe("conflict");
  expect(error.message).toContain(WAITING);
  expect(error.details.blockedBy.components.map((c) => c.name)).toEqual(SIX_IMAGES);
  expect(await phaseVersion(request, DEMO, "phase-3")).toBe(version);
});

test("the phase list shows each phase's gate and the product's critical path", async ({ page }) => {
  await page.goto(`/phases?product=${DEMO}`);
  const bundle = page.getByTestId("phase-summary-phase-3");
  await expect(bundle).toContainText("Waiting on dependencies");
  await expect(bundle).toContainText("Waits for Phase 1 (open), Phase 2 (open)");
  await expect(bundle).toContainText(`waiting on 6 of 6 referenced images: ${SIX_IMAGES.join(", ")}`);
  await expect(page.getByRole("heading", { name: "Critical path" })).toBeVisible();
  await expect(page.getByTestId("critical-path-P0-1")).toContainText("Phase 3: Operator Certification");
});

test("a viewer sees what the bundle phase waits for, without the complete button", async ({ browser }) => {
  const page = await (await browser.newContext({ storageState: stateFile("viewer") })).newPage();
  await page.goto(`/phases/phase-3?product=${DEMO}`);
  await expect(page.getByTestId("phase-images-line")).toHaveText(WAITING);
  await expect(page.getByRole("button", { name: "Mark phase complete" })).toHaveCount(0);
});

test("an engineer completes a prerequisite, then the phase waiting on it, and reopens it", async ({ page, request }) => {
  const product = await importIntoNewProduct(request, "phase-deps");
  // Phase 2 waits on phase 1 in this product of our own.
  const set = await request.patch(`/api/v1/phases/phase-2?product=${product}`, { headers: auth(), data: { version: 1, dependsOn: ["phase-1"] } });
  expect(set.status(), await set.text()).toBe(200);

  await page.goto(`/phases/phase-2?product=${product}`);
  const panel = page.getByTestId("phase-dependencies");
  await expect(panel.getByRole("button", { name: "Mark phase complete" })).toBeDisabled();
  await expect(page.getByTestId("phase-complete-reason")).toContainText("Waiting on 1 of 1 prerequisite phase: Phase 1 (Operator Image Fixes).");

  await panel.getByRole("link", { name: "Phase 1: Operator Image Fixes" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Phase 1: Operator Image Fixes" })).toBeVisible();
  await expect(page.getByTestId("phase-dependencies")).toContainText("Waiting on this phase: Phase 2: Container Prerequisites");
  const completePhase1 = page.getByTestId("phase-dependencies").getByRole("button", { name: "Mark phase complete" });
  await expect(completePhase1).toBeEnabled();
  await completePhase1.focus();
  await page.keyboard.press("Enter");
  // Phase 1's items are all open: the dialog names them, Cancel holds the focus, Tab reaches the confirmation.
  const ask = page.getByRole("dialog", { name: "Complete Phase 1 with open items?" });
  await expect(ask).toContainText("4 items are still open: P0-2 Prohibited Labels, ");
  await expect(ask.getByRole("button", { name: "Cancel" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(ask.getByRole("button", { name: "Complete anyway" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(ask).toBeHidden();
  await expect(page.getByTestId("phase-completion")).toContainText("✓ Complete");
  await expect(page.getByTestId("phase-completion")).toContainText(`Marked complete by ${ENGINEER.name}`);
  await expect(page.getByText("Phase 1 marked complete.")).toBeVisible();

  await page.goto(`/phases/phase-2?product=${product}`);
  const completePhase2 = page.getByTestId("phase-dependencies").getByRole("button", { name: "Mark phase complete" });
  await expect(completePhase2).toBeEnabled();
  await expect(page.getByTestId("phase-complete-reason")).toHaveCount(0);
  await completePhase2.click();
  await page.getByRole("dialog", { name: "Complete Phase 2 with open items?" }).getByRole("button", { name: "Complete anyway" }).click();
  await expect(page.getByTestId("phase-completion")).toContainText("✓ Complete");

  await page.getByRole("button", { name: "Reopen phase" }).click();
  await expect(page.getByTestId("phase-dependencies").getByRole("button", { name: "Mark phase complete" })).toBeEnabled();
  await page.reload();
  await expect(page.getByTestId("phase-completion")).toContainText("Open");
  await expect(page.getByTestId("phase-completion")).not.toContainText("Complete");
  expect(await phaseVersion(request, product, "phase-2")).toBe(4);
});
