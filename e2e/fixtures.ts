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

export const test = base;
export { expect };
