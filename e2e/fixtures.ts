import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { test as base, expect, type APIRequestContext, type Page } from "@playwright/test";
import { TOKEN_FILE } from "./people";

export const BACKLOG_FIXTURE = path.resolve(process.cwd(), "../shared/fixtures/backlog/RedHatCertificationBacklog.md");

/** The customer's document; specs that need it skip locally without it and fail in CI. */
export function readBacklogFixture(): string | null {
  if (existsSync(BACKLOG_FIXTURE)) return readFileSync(BACKLOG_FIXTURE, "utf8");
  if (process.env.CI) throw new Error(`Missing fixture ${BACKLOG_FIXTURE}: CI must have shared/ beside the clone.`);
  return null;
}

let counter = 0;

/** Each spec imports the document into a product of its own, so specs can run in parallel. */
export async function importIntoNewProduct(request: APIRequestContext, prefix: string): Promise<string> {
  const markdown = readBacklogFixture();
  test.info().skip(markdown === null, `fixture not found at ${BACKLOG_FIXTURE}`);
  const product = `${prefix}-${process.pid}-${Date.now().toString(36)}-${counter++}`;
  // Imports go through the API with the engineer's token, as a pipeline would send them.
  const { token } = JSON.parse(readFileSync(TOKEN_FILE, "utf8")) as { token: string };
  const response = await request.post(`/api/v1/backlog/import?product=${product}`, {
    headers: { "content-type": "text/markdown", authorization: `Bearer ${token}` },
    data: markdown!,
  });
  expect(response.status(), await response.text()).toBe(201);
  return product;
}

/** The demo's operator image: runs uploaded for its component must be of its repository (or forced). */
export const OPERATOR_IMAGE = "public.ecr.aws/os-partners/neuron-openshift/operator:v0.1.4";

/**
 * A genuine results.json (of someone else's image) as a run of the operator image: the same document
 * with the operator's image reference, and optionally checks moved from passed to failed.
 */
export function asOperatorRun(bytes: Buffer, options: { fail?: string[]; commit?: string } = {}): string {
  const doc = JSON.parse(bytes.toString("utf8"));
  doc.image = OPERATOR_IMAGE;
  for (const name of options.fail ?? []) {
    const index = doc.results.passed.findIndex((c: { name: string }) => c.name === name);
    if (index >= 0) doc.results.failed.push(...doc.results.passed.splice(index, 1));
    doc.passed = false;
  }
  if (options.commit) doc.test_library.commit = options.commit;
  return `${JSON.stringify(doc, null, 4)}\n`;
}

/**
 * Picks a phase-board card up with the keyboard (Space on its handle) and returns once the board can
 * take the arrow keys. dnd-kit's keyboard sensor adds its keydown listener in a setTimeout(0) set when
 * the drag starts, and measures the card and the columns in effects after the overlay's first paint;
 * an arrow pressed before both can be lost, or anchor the move at (0, 0), and the card is dropped back
 * where it started (seen once in CI). Timers of equal delay run in the order they were set, and effects
 * of a painted commit have run by the second animation frame after it: ours come after the board's.
 */
export async function pickUpWithKeyboard(page: Page, key: string): Promise<void> {
  await page.getByTestId(`phase-card-handle-${key}`).focus();
  await page.keyboard.press("Space");
  await expect(page.getByTestId("phase-card-overlay")).toBeVisible();
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => setTimeout(() => requestAnimationFrame(() => requestAnimationFrame(() => resolve())), 0)),
  );
}

export const test = base;
export { expect };

/**
 * The phase page leads with the forecast and the burndown: a mouse drag needs the board in the
 * window, as a person would scroll to it (mouse coordinates outside the window reach nothing).
 */
export async function scrollBoardIntoView(page: Page): Promise<void> {
  await page.getByRole("region", { name: "Board" }).evaluate((board) => board.scrollIntoView({ block: "start" }));
}

/** The product the seed creates, and its operator image's component (the one runs are uploaded to). */
export const DEMO_PRODUCT = "neuron-operator";
export const DEMO_OPERATOR = "neuron-openshift-operator";

export const PREFLIGHT_DIR = path.resolve(process.cwd(), "../shared/fixtures/preflight");
export const DEMO_RESULTS = ["container_1.15.2_amd64_passed.results.json", "container_1.16.0_amd64_failed_HasNoProhibitedLabels.results.json"];

/**
 * A passing then a failing run of the demo operator image, uploaded as a pipeline would: the second run
 * has a diff, a failed check and touched items. Identical uploads are stored once, so every test may call this.
 */
export async function uploadDemoRuns(request: APIRequestContext): Promise<{ passing: string; failing: string }> {
  const present = DEMO_RESULTS.every((name) => existsSync(path.join(PREFLIGHT_DIR, name)));
  if (!present && process.env.CI) throw new Error(`Missing preflight fixtures in ${PREFLIGHT_DIR}: CI must have shared/ beside the clone.`);
  test.info().skip(!present, "preflight fixtures missing");
  const { token } = JSON.parse(readFileSync(TOKEN_FILE, "utf8")) as { token: string };
  const ids: string[] = [];
  for (const name of DEMO_RESULTS) {
    const response = await request.post(`/api/v1/preflight/runs?product=${DEMO_PRODUCT}&component=${DEMO_OPERATOR}&arch=amd64`, {
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      data: asOperatorRun(readFileSync(path.join(PREFLIGHT_DIR, name))),
    });
    expect([200, 201], await response.text()).toContain(response.status());
    ids.push(((await response.json()) as { runs: { id: string }[] }).runs[0]!.id);
  }
  return { passing: ids[0]!, failing: ids[1]! };
}
