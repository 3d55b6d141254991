import { readFileSync } from "node:fs";
import type { APIRequestContext, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { stateFile, TOKEN_FILE } from "./people";

// Script-injection strings typed into every text field a person or a results file can set are
// stored exactly as typed and shown as text: no dialog opens, nothing sets window.__xss, no
// element an injection would create exists, and the API gives every value back unchanged.
// (The pages' CSP would block inline handlers anyway; the DOM checks prove the markup never
// reached the page, so the CSP is a second line, not the only one.)

const SCRIPT = "<script>window.__xss=1</script>";
const IMG = '<img src=x onerror="window.__xss=1">';
const SVG = '"><svg onload="window.__xss=1">';
const JS_LINK = "[click me](javascript:window.__xss=1)";
const JS_URL = "javascript:window.__xss=1";

const token = () => (JSON.parse(readFileSync(TOKEN_FILE, "utf8")) as { token: string }).token;
const bearer = () => ({ authorization: `Bearer ${token()}` });

/** Fails on anything an injection would leave behind. */
async function expectInert(page: Page, where: string, dialogs: string[]): Promise<void> {
  expect(dialogs, `${where}: dialogs`).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss), `${where}: window.__xss`).toBeUndefined();
  await expect(page.locator('img[src="x"], svg[onload], [onerror], [onload], a[href^="javascript:" i], iframe[src^="javascript:" i]'), `${where}: injected elements`).toHaveCount(0);
  // Next's flight data holds the strings inside script literals (escaped data); an injected tag would be a script of its own.
  const injected = await page.locator("script").evaluateAll((nodes) => nodes.filter((node) => node.textContent?.trim() === "window.__xss=1").length);
  expect(injected, `${where}: injected <script>`).toBe(0);
}

async function visit(page: Page, url: string, dialogs: string[], visible: string[]): Promise<void> {
  await page.goto(url);
  await page.waitForLoadState("networkidle");
  for (const text of visible) await expect(page.getByText(text, { exact: false }).filter({ visible: true }).first(), `${url}: ${text} shown as text`).toBeVisible();
  await expectInert(page, url, dialogs);
}

async function json<T>(response: Awaited<ReturnType<APIRequestContext["get"]>>, status = 200): Promise<T> {
  expect(response.status(), await response.text()).toBe(status);
  return (await response.json()) as T;
}

test("script-injection strings in every text field are stored as typed and shown as text", async ({ page, request, browser, baseURL }) => {
  test.setTimeout(180_000);
  const product = `xss-${process.pid}-${Date.now().toString(36)}`;
  const origin = { origin: baseURL! };

  // ---- Through a markdown import: title, status note, effort, source, description, actions, phase ----
  const document = [
    `# Injection ${SCRIPT}`,
    "## CRITICAL BLOCKERS",
    `### P0-1: Imported ${IMG}`,
    `**Status:** ❌ FAILED - ${SVG}`,
    `**Effort:** ${SCRIPT}`,
    `**Source:** ${SVG}`,
    `Imported description ${SCRIPT} ${IMG} ${JS_LINK}, image \`quay.io/xss/widget:1.0\`.`,
    "**Action Required:**",
    `- [ ] Imported action ${IMG} ${JS_LINK}`,
    "### P0-2: Plain item",
    "**Status:** ❌ NOT STARTED",
    "## IMPLEMENTATION PLAN",
    `### Phase 1: Phase ${IMG} (1 week)`,
    "**Blockers:** P0-1, P0-2",
    `1. **Task ${SVG}** (2 days)`,
  ].join("\n\n");
  await json(await request.post(`/api/v1/backlog/import?product=${product}`, { headers: { ...bearer(), "content-type": "text/markdown" }, data: document }), 201);
  const imported = await json<{ title: string; statusNote: string; effortText: string; source: string; description: string; actions: { text: string }[] }>(
    await request.get(`/api/v1/items/P0-1?product=${product}`, { headers: bearer() }),
  );
  expect(imported.title).toBe(`Imported ${IMG}`);
  expect(imported.statusNote).toBe(SVG);
  expect(imported.effortText).toBe(SCRIPT);
  expect(imported.source).toBe(SVG);
  // Imported markdown is stored as the parser writes it back: the same text, with "__" escaped as "\_\_".
  expect(imported.description.replace(/\\_/g, "_")).toContain(`${SCRIPT} ${IMG} ${JS_LINK}`);
  expect(imported.actions.map((a) => a.text)).toEqual([`Imported action ${IMG} ${JS_LINK}`]);

  // ---- Through PATCH: every item field, exactly as typed ----
  const plain = await json<{ version: number }>(await request.get(`/api/v1/items/P0-2?product=${product}`, { headers: bearer() }));
  const patch = {
    title: `${SCRIPT} ${IMG} ${SVG}`,
    description: `${SCRIPT}\n\n${IMG}\n\n${JS_LINK}`,
    actions: [
      { text: `${IMG} ${JS_LINK}`, done: false },
      { text: SVG, done: true },
    ],
    // An effort must read as an estimate; words after it are kept as typed.
    effortText: `1 day ${SVG}`,
    source: `${SCRIPT} ${JS_URL}`,
    fileRefs: [`${SVG}.yaml`],
  };
  const patched = await json<Record<string, unknown>>(await request.patch(`/api/v1/items/P0-2?product=${product}`, { headers: bearer(), data: { version: plain.version, ...patch } }));
  for (const [field, value] of Object.entries(patch)) expect(patched[field], field).toEqual(value);

  // ---- A comment (markdown with a mention) and a saved view's name ----
  const commentBody = `Comment marker ${SCRIPT}\n\n${IMG}\n\n${JS_LINK} @nobody-here`;
  const comment = await json<{ comment: { body: string } }>(
    await request.post(`/api/v1/items/P0-2/comments?product=${product}`, { headers: bearer(), data: { body: commentBody } }),
    201,
  );
  expect(comment.comment.body).toBe(commentBody);
  const viewName = `${IMG} view`;
  const view = await json<{ view: { name: string } }>(
    await request.post(`/api/v1/views?product=${product}`, { headers: bearer(), data: { name: viewName, query: "status=not_started" } }),
    201,
  );
  expect(view.view.name).toBe(viewName);

  // ---- A component's owner, an exception's justification (markdown) and case reference ----
  const [component] = (await json<{ components: { slug: string }[] }>(await request.get(`/api/v1/components?product=${product}`, { headers: bearer() }))).components;
  const slug = component!.slug;
  const boardBefore = await json<{ component: { version: number } }>(await request.get(`/api/v1/components/${slug}?product=${product}`, { headers: bearer() }));
  const owner = `${SVG} ${SCRIPT}`;
  const afterOwner = await json<{ component: { owner: string } }>(
    await request.patch(`/api/v1/components/${slug}?product=${product}`, { headers: bearer(), data: { version: boardBefore.component.version, owner } }),
  );
  expect(afterOwner.component.owner).toBe(owner);
  const justification = `Needs the host ${SCRIPT}\n\n${IMG}\n\n${JS_LINK}`;
  const exception = await json<{ exception: { justification: string } }>(
    await request.put(`/api/v1/components/${slug}/exceptions/privileged?product=${product}`, { headers: bearer(), data: { status: "requested", justification } }),
  );
  expect(exception.exception.justification).toBe(justification);
  // A case reference is an identifier: markup is refused, not stored.
  const caseRef = await request.put(`/api/v1/components/${slug}/exceptions/scratch?product=${product}`, { headers: bearer(), data: { caseRef: SVG } });
  expect(caseRef.status()).toBe(400);
  expect(((await caseRef.json()) as { error: { code: string } }).error.code).toBe("invalid");

  // ---- A person's name (the admin creates them) and a token's name ----
  const admin = await browser.newContext({ storageState: stateFile("admin") });
  const personName = `${IMG} Mallory`;
  const person = await json<{ user: { name: string } }>(
    await admin.request.post("/api/v1/users", { headers: origin, data: { name: personName, email: `xss-${Date.now()}@e2e.test`, role: "viewer" } }),
    201,
  );
  expect(person.user.name).toBe(personName);
  const tokenName = `${SCRIPT} ci`;
  const created = await json<{ token: { name: string } }>(await page.request.post("/api/v1/tokens", { headers: origin, data: { name: tokenName, role: "uploader", expires: "1d" } }), 201);
  expect(created.token.name).toBe(tokenName);

  // ---- A results file: image, check names and texts, links; and a cert-image.json ----
  const failing = {
    name: `${SCRIPT}Check`,
    elapsed_time: 0,
    description: IMG,
    help: SVG,
    suggestion: JS_LINK,
    knowledgebase_url: JS_URL,
    check_url: `javascript:alert(document.domain)`,
  };
  const results = {
    image: `quay.io/xss/widget:${Date.now()}${IMG}`,
    passed: false,
    test_library: { name: "github.com/redhat-openshift-ecosystem/openshift-preflight", version: "1.16.0", commit: `${SCRIPT}` },
    results: { passed: [{ name: "HasLicense", elapsed_time: 0, description: SVG }], failed: [failing], errors: [] },
  };
  const certImage = { architecture: "amd64", docker_image_digest: `sha256:${"b".repeat(64)}`, parsed_data: { labels: [{ name: "name", value: SCRIPT }] } };
  const upload = await json<{ runs: { id: string }[] }>(
    // force: the run's image is not the component's repository, and the attachment note carries it too.
    await request.post(`/api/v1/preflight/runs?product=${product}&component=${slug}&force=true`, {
      headers: bearer(),
      multipart: {
        results: { name: "results.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(results)) },
        certImage: { name: "cert-image.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(certImage)) },
      },
    }),
    201,
  );
  const runId = upload.runs[0]!.id;
  const run = await json<{ imageRef: string; checks: { name: string; description: string; help: string; suggestion: string; knowledgebaseUrl: string; checkUrl: string }[] }>(
    await request.get(`/api/v1/preflight/runs/${runId}`, { headers: bearer() }),
  );
  expect(run.imageRef).toBe(results.image);
  const check = run.checks.find((c) => c.name === failing.name)!;
  expect([check.description, check.help, check.suggestion, check.knowledgebaseUrl, check.checkUrl]).toEqual([
    failing.description,
    failing.help,
    failing.suggestion,
    failing.knowledgebase_url,
    failing.check_url,
  ]);

  // ---- Every page that shows them ----
  const dialogs: string[] = [];
  const watch = (p: Page) => {
    p.on("dialog", async (dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      await dialog.dismiss();
    });
  };
  watch(page);
  await visit(page, `/items?product=${product}`, dialogs, [patch.title, imported.title, viewName]);
  await visit(page, `/items/P0-1?product=${product}`, dialogs, [imported.title, SVG, "Imported action"]);
  // An engineer edits the effort in place: the text is the field's value.
  await expect(page.getByRole("textbox", { name: "Effort", exact: true })).toHaveValue(SCRIPT);
  await visit(page, `/items/P0-2?product=${product}`, dialogs, [patch.title, patch.source, patch.fileRefs[0]!, "Comment marker"]);
  await expect(page.getByRole("textbox", { name: "Effort", exact: true })).toHaveValue(patch.effortText);
  await visit(page, `/components/${slug}?product=${product}`, dialogs, [owner]);
  await visit(page, `/phases/phase-1?product=${product}`, dialogs, [`Phase ${IMG}`, patch.title]);
  await visit(page, `/phases?product=${product}`, dialogs, [`Phase ${IMG}`]);
  await visit(page, `/runs?product=${product}`, dialogs, [results.image]);
  await visit(page, `/runs/${runId}`, dialogs, [results.image, failing.name]);
  // The what-changed feed names the failing check of the upload.
  await visit(page, `/?product=${product}`, dialogs, [failing.name]);
  await visit(page, `/settings/tokens`, dialogs, [tokenName]);
  const adminPage = await admin.newPage();
  watch(adminPage);
  await visit(adminPage, `/settings/users`, dialogs, [personName]);
  await admin.close();

  // The run page shows the check's texts as text, and a javascript: URL as text, never as a link.
  await page.goto(`/runs/${runId}`);
  const row = page.getByText(failing.name).first();
  await expect(row).toBeVisible();
  await expect(page.getByRole("link", { name: /Knowledge base|Check documentation/ })).toHaveCount(0);

  // ---- The status report is a download, never rendered by the browser as a page ----
  const report = await request.get(`/api/v1/report?product=${product}&format=md`, { headers: bearer() });
  expect(report.status()).toBe(200);
  expect(report.headers()["content-type"]).toMatch(/^text\/markdown/);
  expect(report.headers()["content-disposition"]).toMatch(/^attachment;/);
  expect(report.headers()["x-content-type-options"]).toBe("nosniff");
  // The text is in it, escaped as markdown: a viewer that renders the file shows it as text too.
  const markdown = await report.text();
  expect(markdown).toContain("Injection \\<script\\>window.\\_\\_xss=1\\</script\\>");
  expect(markdown).toContain('Phase \\<img src=x onerror="window.\\_\\_xss=1"\\>');
  expect(markdown).not.toMatch(/(^|[^\\])<(script|img|svg)/);
});
