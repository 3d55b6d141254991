import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { promisify } from "node:util";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import path from "node:path";
import { POST as uploadRoute } from "@/app/api/v1/preflight/runs/route";
import { IMPORT_ACTOR, SYSTEM_ACTOR } from "@/lib/auth/schema";
import { importBacklog } from "@/lib/backlog/mutations";
import { disconnectDb } from "@/lib/db";
import { getProduct } from "@/lib/products/data";
import { createApiToken } from "@/lib/tokens/mutations";
import { BACKLOG_PATH, fixtureAvailable, hasBacklogFixture, SHARED_FIXTURES } from "@/tests/fixtures";
import { asImage } from "@/tests/preflight";

const run = promisify(execFile);
const cli = (...args: string[]) => run(process.execPath, ["bin/certboard.mjs", ...args], { env: process.env, timeout: 60_000 });
/** The CLI's exit code and output, whether it succeeded or not. */
const exitOf = (...args: string[]) =>
  cli(...args).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );

afterAll(disconnectDb);

describe.skipIf(!hasBacklogFixture)("certboard CLI", () => {
  it("imports the backlog document, re-imports it unchanged, and exports it", async () => {
    const product = `cli-${randomUUID().slice(0, 8)}`;
    const dry = await cli("import-backlog", BACKLOG_PATH, "--product", product, "--dry-run");
    expect(dry.stdout).toContain(`Dry run, nothing written: importing would bring 19 items into ${product}: 19 created, 0 updated, 0 unchanged.`);
    // Nothing was written: the product the dry run would have created does not exist.
    await expect(cli("export-backlog", "--product", product)).rejects.toMatchObject({ stderr: expect.stringContaining(product) });

    const first = await cli("import-backlog", BACKLOG_PATH, "--product", product, "--json");
    expect(JSON.parse(first.stdout)).toMatchObject({
      product,
      created: 19,
      items: 19,
      byCategory: { critical_blocker: 6, needs_verification: 1, not_required: 3, compliant: 9 },
      phases: 3,
      conflicts: [],
    });

    const again = await cli("import-backlog", BACKLOG_PATH, "--product", product);
    expect(again.stdout).toContain("Imported 19 items into " + product + ": 0 created, 0 updated, 19 unchanged.");
    expect(again.stdout).toContain("warning: Executive summary says 3 critical blockers");

    const csv = await cli("export-backlog", "--format", "csv", "--product", product);
    const lines = csv.stdout.trim().split("\n");
    expect(lines[0]).toMatch(/^key,title,category,priority,status,/);
    expect(lines).toHaveLength(20);
    expect(lines.find((l) => l.startsWith("P0-6,"))).toContain("needs_justification");

    const md = await cli("export-backlog", "--product", product);
    expect(md.stdout).toContain("### P0-6: Node Metrics Privileged Container");
  });

  it("ingests preflight results straight into the database", async () => {
    const product = `cli-${randomUUID().slice(0, 8)}`;
    await cli("import-backlog", BACKLOG_PATH, "--product", product);
    const results = path.join(SHARED_FIXTURES, "preflight/container_1.16.0_amd64_failed_HasNoProhibitedLabels.results.json");
    // The fixture is a run of localhost:5000/auditvision-ui, not of the operator image: refused, unless forced.
    const refused = await cli("ingest", results, "--product", product, "--component", "neuron-openshift-operator", "--arch", "amd64").catch((e: { code: number; stderr: string }) => e);
    expect(refused).toMatchObject({ code: 1 });
    expect((refused as { stderr: string }).stderr).toContain("the run is of localhost:5000/auditvision-ui, but component neuron-openshift-operator is public.ecr.aws/os-partners/neuron-openshift/operator");
    const out = await cli("ingest", results, "--product", product, "--component", "neuron-openshift-operator", "--arch", "amd64", "--force", "--json");
    const body = JSON.parse(out.stdout);
    expect(body.runs).toEqual([expect.objectContaining({ arch: "amd64", passed: false, counts: { passed: 9, failed: 1, errors: 0, warnings: 0 }, duplicate: false })]);
    expect(body.warnings.join("\n")).toContain("by hand by cli ingest (force)");
    const again = await cli("ingest", results, "--product", product, "--component", "neuron-openshift-operator", "--arch", "amd64", "--force");
    expect(again.stdout).toMatch(/^duplicate /);
    // Without a component, a run of an image no component has waits unassigned.
    const other = path.join(SHARED_FIXTURES, "preflight/container_1.15.2_amd64_passed.results.json");
    const waiting = await cli("ingest", other, "--product", product);
    expect(waiting.stdout).toMatch(/^new run [0-9a-f-]+: unassigned \w+ preflight 1\.15\.2/);
    const empty = await cli("ingest", path.join(SHARED_FIXTURES, "preflight/operator_1.16.0_interrupted_EMPTY.results.json"), "--product", product).catch((e: { code: number; stderr: string }) => e);
    expect(empty).toMatchObject({ code: 1 });
    expect((empty as { stderr: string }).stderr).toContain("did not finish");
  });

  it("refuses a missing file and an unknown product with exit code 1 and a message", async () => {
    const missing = await cli("import-backlog", "/nonexistent/backlog.md").catch((e: { code: number; stderr: string }) => e);
    expect(missing).toMatchObject({ code: 1 });
    expect((missing as { stderr: string }).stderr).toContain("no such file");

    const unknown = await cli("export-backlog", "--product", "no-such-product").catch((e: { code: number; stderr: string }) => e);
    expect(unknown).toMatchObject({ code: 1 });
    expect((unknown as { stderr: string }).stderr).toContain('No product "no-such-product"');
  });
});

describe("certboard item create", () => {
  it("creates the next T-n item, and refuses a taken key and a bad effort with a clear message", async () => {
    const { mkdtemp, writeFile } = await import("node:fs/promises");
    const { tmpdir } = await import("node:os");
    const product = `cli-items-${randomUUID().slice(0, 8)}`;
    const file = path.join(await mkdtemp(path.join(tmpdir(), "certboard-cli-")), "backlog.md");
    await writeFile(file, ["# CLI items", "", "## 🔴 CRITICAL BLOCKERS", "", "### P0-1: Existing", "**Status:** ❌ NOT STARTED", ""].join("\n"));
    await cli("import-backlog", file, "--product", product);

    const created = await cli("item", "create", "--product", product, "--title", "Rebuild on UBI", "--category", "critical_blocker", "--priority", "P0", "--effort", "2-3 days", "--json");
    expect(JSON.parse(created.stdout)).toMatchObject({ key: "T-1", title: "Rebuild on UBI", priority: "P0", effortText: "2-3 days", history: [{ field: "created", actor: "cli" }] });
    const second = await cli("item", "create", "--product", product, "--title", "Second", "--category", "needs_verification");
    expect(second.stdout).toContain(`Created T-2 in ${product}: Second`);

    const taken = await cli("item", "create", "--product", product, "--key", "P0-1", "--title", "x", "--category", "compliant").catch((e: { code: number; stderr: string }) => e);
    expect(taken).toMatchObject({ code: expect.any(Number) });
    expect((taken as { stderr: string }).stderr).toContain("P0-1 already exists");
    const vague = await cli("item", "create", "--product", product, "--title", "x", "--category", "compliant", "--effort", "soonish").catch((e: { code: number; stderr: string }) => e);
    expect((vague as { stderr: string }).stderr).toContain("Effort must be");
  });
});

const PASSED_1_15 = path.join(SHARED_FIXTURES, "preflight/container_1.15.2_amd64_passed.results.json");
const FAILED_1_16 = path.join(SHARED_FIXTURES, "preflight/container_1.16.0_amd64_failed_HasNoProhibitedLabels.results.json");
const hasRunFixtures = fixtureAvailable(PASSED_1_15) && fixtureAvailable(FAILED_1_16);

/**
 * A real HTTP server in the test process serving the real upload route handler (and so the real
 * database): `certboard upload` is a separate process that talks to it over the network.
 */
async function serveUploads(): Promise<Server> {
  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? "/", "http://localhost");
      if (req.method !== "POST" || url.pathname !== "/api/v1/preflight/runs") return void res.writeHead(404).end();
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) for (const one of [value ?? []].flat()) headers.append(name, one);
      const response = await uploadRoute(new NextRequest(url, { method: "POST", headers, body: Buffer.concat(chunks) }), { params: Promise.resolve({}) });
      res.writeHead(response.status, { "content-type": response.headers.get("content-type") ?? "application/json" });
      res.end(Buffer.from(await response.arrayBuffer()));
    })().catch((error: unknown) => res.writeHead(500).end(String(error)));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return server;
}

describe.skipIf(!hasRunFixtures)("certboard upload --fail-on", () => {
  let server: Server;
  let url = "";
  let token = "";
  let dir = "";
  const image = `quay.io/certboard-ci/gate-${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    server = await serveUploads();
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const product = `cli-gate-${randomUUID().slice(0, 8)}`;
    await importBacklog({ document: ["# CI gate", "", "## 🔴 CRITICAL BLOCKERS", "", "### P0-1: Existing", "**Status:** ❌ NOT STARTED", ""].join("\n"), productSlug: product, actor: IMPORT_ACTOR });
    // As docs/ci.md says: an uploader token limited to the product (uploads go to its product).
    const created = await createApiToken({ name: "ci", role: "uploader", expiresAt: null, userId: null, productIds: [(await getProduct(product)).id], actor: SYSTEM_ACTOR });
    token = created.token;
    dir = await mkdtemp(path.join(tmpdir(), "certboard-gate-"));
  });
  afterAll(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  /** An artifacts folder as `preflight check container IMAGE:tag --artifacts DIR` leaves it (DIR/amd64/results.json). */
  async function artifacts(name: string, fixture: string, tag: string, commit: string, repository = image): Promise<string> {
    const document = JSON.parse(asImage(await readFile(fixture), `${repository}:${tag}`));
    document.test_library.commit = commit.padStart(40, "0");
    const folder = path.join(dir, name);
    await mkdir(path.join(folder, "amd64"), { recursive: true });
    await writeFile(path.join(folder, "amd64", "results.json"), `${JSON.stringify(document, null, 4)}\n`);
    return folder;
  }

  const upload = (folder: string, ...options: string[]) => exitOf("upload", folder, "--url", url, "--token", token, ...options);

  it("exits 0 for a passing run and 2 for a regression, naming the run and its checks", async () => {
    const passing = await upload(await artifacts("passing", PASSED_1_15, "1.0", "1"), "--create-component", "--fail-on", "failed");
    expect(passing).toMatchObject({ code: 0, stderr: "" });
    const component = /^new run [0-9a-f-]+: (\S+) amd64 /.exec(passing.stdout)?.[1];
    expect(component).toBeTruthy();

    // The next build fails HasNoProhibitedLabels, which passed before: regressed, exit 2.
    const regressed = await upload(await artifacts("failing", FAILED_1_16, "1.1", "2"), "--fail-on", "regressed");
    expect(regressed.code).toBe(2);
    expect(regressed.stdout).toContain("newly failed: HasNoProhibitedLabels");
    expect(regressed.stderr).toContain(`certboard: --fail-on regressed: ${component} 1.1 (amd64): 1 check newly failed or errored since the previous run: HasNoProhibitedLabels`);

    // The build after still fails it: not new (exit 0 with regressed), but failed (exit 2), and the default gates nothing.
    const still = await artifacts("still-failing", FAILED_1_16, "1.2", "3");
    expect(await upload(still, "--fail-on", "regressed")).toMatchObject({ code: 0, stderr: "" });
    const failed = await upload(still, "--fail-on", "failed", "--json");
    expect(failed.code).toBe(2);
    expect(JSON.parse(failed.stdout).runs[0]).toMatchObject({ duplicate: true, gate: { failed: ["HasNoProhibitedLabels"], regressed: [] } });
    expect(failed.stderr).toContain(`certboard: --fail-on failed: ${component} 1.2 (amd64): 1 check failed or errored: HasNoProhibitedLabels`);
    expect(await upload(still)).toMatchObject({ code: 0, stderr: "" });
    // Six CLI processes, each compiling the CLI with tsx: more than the default minute on a busy machine.
  }, 300_000);

  it("exits 3, not the gate's 2, when the server cannot be reached", async () => {
    // A port that was just free: nothing listens there.
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const down = await exitOf("upload", await artifacts("unreachable", FAILED_1_16, "9.9", "9"), "--url", `http://127.0.0.1:${port}`, "--token", token, "--fail-on", "failed");
    expect(down.code).toBe(3);
    expect(down.stderr).toContain(`could not reach http://127.0.0.1:${port}`);
  }, 120_000);

  it("passes a component's first run under --fail-on regressed though it fails, and keeps a refusal's exit code 1", async () => {
    // Another image: its component is created by this upload, so the run is its first.
    const first = await upload(await artifacts("first", FAILED_1_16, "2.0", "4", `${image}-other`), "--create-component", "--fail-on", "regressed");
    expect(first).toMatchObject({ code: 0, stderr: "", stdout: expect.stringContaining("FAILED (9 passed, 1 failed, 0 errors)") });

    const refused = await upload(await artifacts("refused", FAILED_1_16, "2.1", "5"), "--component", "no-such-component", "--fail-on", "regressed");
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('No component "no-such-component"');
  }, 180_000);

  it("refuses an unknown --fail-on value as a usage error (exit 1) before sending anything", async () => {
    const bad = await upload(dir, "--fail-on", "sometimes");
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("option '--fail-on <condition>' argument 'sometimes' is invalid. Allowed choices are failed, regressed, none.");
  });

  it("documents every exit code in its help", async () => {
    const help = await cli("upload", "--help");
    expect(help.stdout).toMatch(/Exit codes:\n {2}0 +every request was accepted/);
    expect(help.stdout).toMatch(/\n {2}2 +the --fail-on condition holds/);
  });
});

describe("certboard pyxis-export and sync", () => {
  it("writes what Red Hat's catalog answers to a file, applies it offline, and fails loudly online without the catalog", async () => {
    const { startFakePyxis } = await import("@/tests/fake-pyxis");
    const { setConnection } = await import("@/lib/pyxis/mutations");
    const { getDb } = await import("@/lib/db");
    const key = `cli-key-${randomUUID()}`;
    const project = "6a1b2c3d4e5f60718293a4c7";
    const fake = await startFakePyxis({ apiKey: key });
    const product = `cli-pyxis-${randomUUID().slice(0, 8)}`;
    await getDb().product.create({ data: { slug: product, name: "CLI sync", components: { create: [{ slug: "operator", name: "Operator image", connectProjectId: project }] } } });
    await setConnection(product, { url: fake.url, apiKey: key }, { name: "test" });
    fake.setProject(project, { project: { _id: project, certification_status: "Published", container: { privileged: false } } });

    const file = path.join(await mkdtemp(path.join(tmpdir(), "pyxis-")), "export.json");
    const exported = await cli("pyxis-export", "--product", product, "-o", file);
    expect(exported.stdout).toContain(`Wrote Red Hat's answers for 1 project of ${product} to ${file}.`);
    expect(await readFile(file, "utf8")).not.toContain(key);
    await fake.close();

    // Offline: the file alone, exactly as an online sync.
    const synced = await exitOf("sync", "--from", file);
    expect(synced).toMatchObject({ code: 0, stderr: "" });
    expect(synced.stdout).toContain("Sync ok: 1 change, 0 failed.");
    expect(synced.stdout).toContain("operator: certificationStatus not_created → published");
    const stored = await getDb().component.findFirstOrThrow({ where: { product: { slug: product } }, select: { certificationStatus: true } });
    expect(stored.certificationStatus).toBe("published");

    // Online with the catalog gone: the failure is named, exit 2.
    const online = await exitOf("sync", "--product", product);
    expect(online.code).toBe(2);
    expect(online.stderr).toContain(`operator (project ${project}):`);
    expect(online.stderr).not.toContain(key);

    // A file that is not an export is refused before anything is read: exit 1.
    const wrong = path.join(path.dirname(file), "wrong.json");
    await writeFile(wrong, JSON.stringify({ product }));
    const refused = await exitOf("sync", "--from", wrong);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`${wrong} is not a file written by certboard pyxis-export`);
  });
});
