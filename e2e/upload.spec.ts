import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { zipSync } from "fflate";
import { asOperatorRun, expect, test } from "./fixtures";

const PREFLIGHT = path.resolve(process.cwd(), "../shared/fixtures/preflight");
const fixture = (name: string) => readFileSync(path.join(PREFLIGHT, name));

function available(): boolean {
  if (existsSync(PREFLIGHT)) return true;
  if (process.env.CI) throw new Error(`Missing preflight fixtures in ${PREFLIGHT}: CI must have shared/ beside the clone.`);
  return false;
}

test("dropping two results files and an archive on /upload shows progress and outcomes, with links to an opened item and the run's diff", async ({ page }, testInfo) => {
  test.info().skip(!available(), "preflight fixtures missing");
  // A failing run of the demo's operator image that no item covers (HasRequiredLabel), unique to this
  // test run so it is never a duplicate; the other files are runs of images no component is registered for.
  const failing = asOperatorRun(fixture("container_1.16.0_amd64_failed_HasNoProhibitedLabels.results.json"), { fail: ["HasRequiredLabel"], commit: `e2e-${Date.now()}` });
  const archive = zipSync({
    "artifacts/amd64/results.json": fixture("container_1.12.1_multiarch_amd64_passed.results.json"),
    "artifacts/amd64/cert-image.json": fixture("container_1.12.1_multiarch_amd64.cert-image.json"),
    "artifacts/arm64/results.json": fixture("container_1.12.1_multiarch_arm64_passed.results.json"),
    "artifacts/arm64/cert-image.json": fixture("container_1.12.1_multiarch_arm64.cert-image.json"),
  });
  const files = [
    { name: "failing.results.json", type: "application/json", b64: Buffer.from(failing).toString("base64") },
    { name: "arm64.results.json", type: "application/json", b64: fixture("container_1.16.0_arm64_passed.results.json").toString("base64") },
    { name: "artifacts.zip", type: "application/zip", b64: Buffer.from(archive).toString("base64") },
  ];

  await page.goto("/upload");
  const dataTransfer = await page.evaluateHandle((payload) => {
    const transfer = new DataTransfer();
    for (const f of payload) {
      const bytes = Uint8Array.from(atob(f.b64), (c) => c.charCodeAt(0));
      transfer.items.add(new File([bytes], f.name, { type: f.type }));
    }
    return transfer;
  }, files);
  await page.getByTestId("upload-dropzone").dispatchEvent("drop", { dataTransfer });

  const rows = page.getByTestId("upload-row");
  await expect(rows).toHaveCount(3);
  await expect(page.locator('[data-testid="upload-row"][data-status="done"]')).toHaveCount(3, { timeout: 30_000 });
  const failingRow = rows.filter({ hasText: "failing.results.json" });
  await expect(failingRow.getByText("New run")).toBeVisible();
  await expect(failingRow).toContainText("HasRequiredLabel");
  // Dropped alone, the results file names no architecture: the row says how to give one.
  await expect(failingRow.getByTestId("upload-run-arch-hint")).toHaveText("Architecture not known: add cert-image.json or arch=");
  await expect(rows.filter({ hasText: "artifacts.zip" }).getByTestId("upload-run")).toHaveCount(2);
  // Runs of images no component has wait, unassigned, and say where to assign them.
  await expect(rows.filter({ hasText: "artifacts.zip" }).getByTestId("upload-run-unassigned")).toHaveCount(2);
  await expect(rows.filter({ hasText: "arm64.results.json" }).getByTestId("upload-run-unassigned").getByRole("link", { name: "Assign it to a component" })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("upload.png"), fullPage: true });

  const runHref = await failingRow.getByTestId("upload-run").getByRole("link").first().getAttribute("href");

  // The item the failure opened.
  const opened = failingRow.getByRole("link", { name: /^PF-\d+$/ }).first();
  const key = (await opened.textContent())!;
  await opened.click();
  await expect(page.getByText(key, { exact: true }).first()).toBeVisible();
  await expect(page.getByTestId("item-badges").getByText("Critical blocker")).toBeVisible();
  // Its title and history are words: the check by what it tests, the run by what it tested, no wire values.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^.+: required labels check fails \(HasRequiredLabel\)$/);
  const history = page.getByTestId("history");
  // The dropped file says nothing of its architecture, and the history says so in words.
  await expect(history.getByRole("listitem").last()).toContainText(/^Opened by run [0-9a-f]{8} of .+ \(architecture not known\): HasRequiredLabel failed/);
  await expect(history.getByRole("link", { name: /^run [0-9a-f]{8}$/ }).first()).toHaveAttribute("href", runHref!);
  await expect(history).not.toContainText(/not_started|latestResult|[{}"]/);

  // The run and its diff.
  await page.goto(runHref!);
  await expect(page).toHaveURL(/\/runs\/[0-9a-f-]{36}$/);
  await expect(page.getByText("HasRequiredLabel").first()).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("run.png"), fullPage: true });
});
