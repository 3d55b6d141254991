import { expect, test } from "./fixtures";
import { stateFile } from "./people";

// The demo's P0-6: node metrics runs privileged. Declared privileged, it is under preflight's root
// policy (RunAsNonRoot does not apply); its privileged exception is Red Hat's review of that
// declaration: requested in the seed (CTR-11 in review), then approved (CTR-11 waived).
const NODE_METRICS = "/components/node-metrics-image?product=neuron-operator";

// One story on shared demo data: the viewer looks before the engineer records the approval.
test.describe.configure({ mode: "serial" });

test("a viewer sees the requested exception but cannot decide it", async ({ browser }) => {
  const context = await browser.newContext({ storageState: stateFile("viewer") });
  const page = await context.newPage();
  await page.goto(NODE_METRICS);
  const exception = page.getByTestId("exception-privileged");
  await expect(page.getByTestId("exception-privileged-status")).toHaveText("Requested");
  await expect(exception.getByText("neuron-monitor")).toBeVisible();
  await expect(page.getByRole("button", { name: "Record approval" })).toHaveCount(0);
  await context.close();
});

test("recording Red Hat's approval of P0-6's privileged exception waives CTR-11; the root policy applied all along", async ({ page }, testInfo) => {
  await page.goto(NODE_METRICS);
  await expect(page.getByTestId("policy-reason")).toHaveText(
    "Because it is declared privileged (host level access): the root policy applies, so RunAsNonRoot is not applicable. Red Hat reviews the declaration: its privileged exception is requested.",
  );
  const ctr10 = page.getByTestId("requirement-CTR-10");
  await expect(ctr10).toContainText("Image runs as a non-root user");
  await expect(page.getByTestId("evidence-CTR-10")).toHaveText(/Not applicable/);
  await expect(page.getByTestId("evidence-CTR-11")).toHaveText(/In review/);
  // The exception is the review record: CTR-11 cannot be signed off by hand.
  await expect(page.getByTestId("sign-off-CTR-11")).toHaveCount(0);
  await expect(page.getByTestId("requirement-CTR-11").getByRole("link", { name: /P0-6/ })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("node-metrics-before.png"), fullPage: true });

  await page.getByTestId("exception-privileged").getByRole("button", { name: "Record approval" }).click();
  await expect(page.getByTestId("evidence-CTR-10")).toHaveText(/Not applicable/);
  await expect(page.getByTestId("requirement-CTR-10")).toContainText("The root policy does not apply RunAsNonRoot.");
  await expect(page.getByTestId("evidence-CTR-11")).toHaveText(/Waived/);
  await expect(page.getByText("root policy", { exact: true })).toBeVisible();
  await expect(page.getByTestId("policy-reason")).toHaveText(
    "Because it is declared privileged (host level access): the root policy applies, so RunAsNonRoot is not applicable. Red Hat reviews the declaration: its privileged exception is approved.",
  );
  await expect(page.getByTestId("exception-privileged-status")).toHaveText("Approved");
  await page.screenshot({ path: testInfo.outputPath("node-metrics-approved.png"), fullPage: true });

  // The decision is in P0-6's history, attributed to the engineer.
  await page.getByTestId("requirement-CTR-11").getByRole("link", { name: /P0-6/ }).click();
  await expect(page.getByText(/privileged exception approved/)).toBeVisible();
});
