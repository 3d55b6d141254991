import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { test as base, expect, type APIRequestContext } from "@playwright/test";
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

export const test = base;
export { expect };
