import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "@/lib/auth/schema";
import { getComponentBoard } from "@/lib/components/data";
import { disconnectDb } from "@/lib/db";
import { ingestPreflightRuns } from "@/lib/preflight/mutations";
import { prepareUpload } from "@/lib/preflight/prepare-upload";
import { productWithBacklog } from "@/tests/db";
import { BACKLOG_PATH, fixtureAvailable, SHARED_FIXTURES } from "@/tests/fixtures";

const FAILED = path.join(SHARED_FIXTURES, "preflight/container_1.16.0_amd64_failed_HasNoProhibitedLabels.results.json");
const available = fixtureAvailable(FAILED) && fixtureAvailable(BACKLOG_PATH);

afterAll(disconnectDb);

describe.skipIf(!available)("the component board", () => {
  it("shows the operator image's runs by tag and architecture, its items and how stale its evidence is", async () => {
    const product = await productWithBacklog("board");
    const runs = prepareUpload([{ name: "results.json", bytes: readFileSync(FAILED) }], { arch: "amd64" });
    await ingestPreflightRuns({ runs, componentSlug: "neuron-openshift-operator", productSlug: product, actor: SYSTEM_ACTOR });

    const board = await getComponentBoard("neuron-openshift-operator", product);
    expect(board.component).toMatchObject({ slug: "neuron-openshift-operator", type: "container", policy: "container" });
    // v0.1.3 comes from the document's image reference; "test" is the tag the run tested.
    expect(board.grid.tags).toEqual(["test", "v0.1.3"]);
    expect(board.grid.architectures).toEqual(["amd64"]);
    expect(board.grid.cells.find((c) => c.tag === "test")?.run).toMatchObject({ passed: false, counts: { passed: 9, failed: 1, errors: 0 } });
    expect(board.grid.cells.find((c) => c.tag === "v0.1.3")?.run).toBeNull();
    expect(board.staleness).toEqual([expect.objectContaining({ architecture: "amd64", daysSinceLastPass: null })]);
    expect(board.items.map((i) => i.key).sort()).toEqual(["P0-2", "P0-3", "P0-4"]);
    expect(board.history).toHaveLength(1);
    // P0-3 (HasLicense) was verified by the run; P0-2 and P0-4 stay open.
    expect(board.openByCategory.critical_blocker).toBe(2);
  });

  it("is 404 for an unknown component", async () => {
    const product = await productWithBacklog("board");
    await expect(getComponentBoard("no-such-component", product)).rejects.toMatchObject({ code: "not_found" });
  });
});
