import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import path from "node:path";
import { BACKLOG_PATH, hasBacklogFixture, SHARED_FIXTURES } from "@/tests/fixtures";

const run = promisify(execFile);
const cli = (...args: string[]) => run(process.execPath, ["bin/certboard.mjs", ...args], { env: process.env, timeout: 60_000 });

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
