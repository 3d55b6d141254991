import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { checkAccessible } from "./axe";
import { expect, importIntoNewProduct, test } from "./fixtures";
import { ENGINEER, TOKEN_FILE } from "./people";

// Evidence a person can trust, in the browser: a run of an image no component has waits unassigned
// until an engineer says whose evidence it is; requirements no preflight check verifies are signed off.
const PREFLIGHT = path.resolve(process.cwd(), "../shared/fixtures/preflight");
const WEBSERVER = path.join(PREFLIGHT, "container_1.15.2_amd64_passed.results.json");
const bearer = () => ({ authorization: `Bearer ${(JSON.parse(readFileSync(TOKEN_FILE, "utf8")) as { token: string }).token}` });

test("an engineer assigns an unassigned run in the browser, attaching it to a component of another repository only when they insist", async ({ page, request }, testInfo) => {
  test.info().skip(!existsSync(WEBSERVER) && !process.env.CI, "preflight fixtures missing");
  const product = await importIntoNewProduct(request, "assign");
  const upload = await request.post(`/api/v1/preflight/runs?product=${product}&arch=amd64`, {
    headers: { ...bearer(), "content-type": "application/json" },
    data: readFileSync(WEBSERVER),
  });
  expect(upload.status(), await upload.text()).toBe(201);
  const run = ((await upload.json()) as { runs: { id: string; component: string | null; unassigned: boolean }[] }).runs[0]!;
  expect(run).toMatchObject({ component: null, unassigned: true });

  await page.goto(`/runs?product=${product}`);
  const waiting = page.getByTestId("to-assign");
  await expect(waiting.getByTestId("unassigned-run")).toHaveCount(1);
  await expect(waiting).toContainText("quay.io/philip860/webserver-operator:v1.0.30");
  const form = page.getByTestId(`assign-${run.id}`);
  const assign = form.getByRole("button", { name: "Assign" });
  await expect(assign).toBeDisabled();
  await form.getByLabel("Evidence for").selectOption("neuron-openshift-operator");
  await assign.click();
  // The operator image is registered for another repository: refused, with a way to insist.
  const refusal = form.getByRole("alert");
  await expect(refusal).toContainText("This run is of quay.io/philip860/webserver-operator, but neuron-openshift-operator is registered for public.ecr.aws/os-partners/neuron-openshift/operator. Nothing was attached.");
  await expect(assign).toBeDisabled();
  await checkAccessible(page, testInfo, "assign-mismatch");
  await refusal.getByLabel(/Attach it anyway/).check();
  await assign.click();
  await expect(page.getByTestId("assign-result")).toContainText("Assigned to neuron-openshift-operator.");
  // The page refreshes without the run (it was the last one waiting); what the assignment did stays in view.
  await expect(page.getByTestId("assigned-now")).toContainText("Assigned to neuron-openshift-operator.");

  // The run now belongs to the operator image, and says who attached it by hand.
  await page.goto(`/runs/${run.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("neuron-openshift-operator");
  await expect(page.getByText(`assigned by ${ENGINEER.name}`)).toBeVisible();
  await expect(page.getByText(/Attached to neuron-openshift-operator by hand by Erin Engineer \(force\)/)).toBeVisible();
  await page.goto(`/runs?product=${product}`);
  await expect(page.getByTestId("to-assign")).toHaveCount(0);
});

test("an engineer signs off a requirement no preflight check verifies, and what remains says so", async ({ page, request }, testInfo) => {
  // Two pages, two forms, two toasts that fade and two accessibility scans: longer than one default budget when both cores are busy.
  test.setTimeout(120_000);
  const product = await importIntoNewProduct(request, "sign-off");
  await page.goto(`/components/neuron-driver?product=${product}`);
  const remaining = page.getByTestId("component-remaining");
  await expect(remaining).toContainText("blocking requirements remain");
  const row = page.getByTestId("requirement-CTR-19");
  await expect(page.getByTestId("evidence-CTR-19")).toHaveText(/Needs sign-off/);

  await row.getByRole("button", { name: /^Sign off CTR-19/ }).click();
  const form = page.getByTestId("sign-off-form-CTR-19");
  await form.getByLabel("Not applicable").check();
  await form.getByRole("button", { name: "Save sign-off" }).click();
  // Not applicable needs a reason: nothing is sent without one.
  await expect(form.getByText("Say why CTR-19 does not apply.")).toBeVisible();
  await checkAccessible(page, testInfo, "sign-off-form");
  await form.getByLabel(/^Note/).fill("Hosted in our own registry, not Red Hat's: no export questionnaire.");
  await form.getByLabel("Evidence link").fill("https://connect.redhat.com/component/view/695da2556e8a9da931220fda");
  await form.getByRole("button", { name: "Save sign-off" }).click();

  await expect(page.getByText("CTR-19 signed off: not applicable.")).toBeVisible();
  // The confirmation fades away on its own; axe below must not judge it mid-fade.
  await expect(page.locator("[data-sonner-toast]")).toHaveCount(0, { timeout: 15_000 });
  await expect(page.getByTestId("evidence-CTR-19")).toHaveText(/Not applicable/);
  await expect(row.getByTestId("sign-off-note")).toContainText(`Not applicable — ${ENGINEER.name}`);
  await expect(row).toContainText("Hosted in our own registry");
  await remaining.getByText(/^Show all/).click();
  await expect(remaining.getByTestId("remaining-CTR-19")).toHaveCount(0);
  await expect(page.getByTestId("sign-off-history")).toContainText("Sign-off history (1)");

  // The listing's own requirements are signed off on the overview.
  await page.goto(`/?product=${product}`);
  const prd02 = page.getByTestId("listing-PRD-02");
  await prd02.getByRole("button", { name: /^Sign off PRD-02/ }).click();
  await page.getByTestId("sign-off-form-PRD-02").getByLabel(/^Note/).fill("Company profile completed in Partner Connect.");
  await page.getByTestId("sign-off-form-PRD-02").getByRole("button", { name: "Save sign-off" }).click();
  await expect(prd02).toContainText("Attested");
  await expect(prd02.getByTestId("sign-off-note")).toContainText(`Met — ${ENGINEER.name}`);
  await expect(page.locator("[data-sonner-toast]")).toHaveCount(0, { timeout: 15_000 });
  await checkAccessible(page, testInfo, "overview-what-remains");
});
