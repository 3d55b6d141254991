import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "@/lib/auth/schema";
import { getItem } from "@/lib/backlog/data";
import { listComponentIndex } from "@/lib/component-board/data";
import { listComponents } from "@/lib/components/data";
import { disconnectDb } from "@/lib/db";
import { getItemLinks } from "@/lib/item-links/data";
import { ingestPreflightRuns } from "@/lib/preflight/mutations";
import { prepareUpload } from "@/lib/preflight/prepare-upload";
import { productWithBacklog } from "@/tests/db";
import { BACKLOG_PATH, fixtureAvailable, SHARED_FIXTURES } from "@/tests/fixtures";
import { asImage } from "@/tests/preflight";

const FAILED = path.join(SHARED_FIXTURES, "preflight/container_1.16.0_amd64_failed_HasNoProhibitedLabels.results.json");
const available = fixtureAvailable(FAILED) && fixtureAvailable(BACKLOG_PATH);
const OPERATOR = "neuron-openshift-operator";

afterAll(disconnectDb);

async function productWithRun() {
  const product = await productWithBacklog("links");
  const bytes = new TextEncoder().encode(asImage(readFileSync(FAILED), "public.ecr.aws/os-partners/neuron-openshift/operator:test"));
  const [run] = (await ingestPreflightRuns({ runs: prepareUpload([{ name: "results.json", bytes }], { arch: "amd64" }), componentSlug: OPERATOR, productSlug: product, actor: SYSTEM_ACTOR })).runs;
  return { product, runId: run!.id };
}

describe.skipIf(!available)("where an item's references lead", () => {
  it("links a check to the newest run that reported it, a requirement to its matrix row, a run's change to the run", async () => {
    const { product, runId } = await productWithRun();
    // P0-3 names HasLicense, which the run passed (and so verified the item).
    const item = await getItem("P0-3", product);
    const links = await getItemLinks(item, await listComponents(product));
    expect(links.checks.HasLicense).toBe(`/runs/${runId}#check-HasLicense`);
    expect(item.history.find((e) => e.runId === runId)).toBeDefined();
    for (const code of item.requirements) {
      expect(links.requirements[code]?.href).toMatch(new RegExp(`(#requirement-${code}|#listing-requirements|#what-remains)$`));
    }
  });

  it("leaves a check no run of the item's components reported without a link", async () => {
    const product = await productWithBacklog("links");
    const item = await getItem("P0-3", product);
    expect((await getItemLinks(item, await listComponents(product))).checks).toEqual({});
  });

  it("indexes the components with their open items and the newest result of each architecture", async () => {
    const { product, runId } = await productWithRun();
    const { rows } = await listComponentIndex(product);
    const operator = rows.find((row) => row.slug === OPERATOR);
    expect(operator).toMatchObject({ type: "container", latest: [{ architecture: "amd64", runId, passed: false, failed: 1, errors: 0 }] });
    expect(operator!.openItems).toBeGreaterThan(0);
    expect(rows.map((row) => row.name)).toEqual([...rows.map((row) => row.name)].sort((a, b) => a.localeCompare(b, "en")));
  });
});
