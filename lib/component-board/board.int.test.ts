import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "@/lib/auth/schema";
import { getComponentBoard } from "@/lib/component-board/data";
import { disconnectDb, getDb } from "@/lib/db";
import { ingestPreflightRuns } from "@/lib/preflight/mutations";
import { prepareUpload } from "@/lib/preflight/prepare-upload";
import { productWithBacklog } from "@/tests/db";
import { BACKLOG_PATH, fixtureAvailable, SHARED_FIXTURES } from "@/tests/fixtures";
import { asImage } from "@/tests/preflight";

const FAILED = path.join(SHARED_FIXTURES, "preflight/container_1.16.0_amd64_failed_HasNoProhibitedLabels.results.json");
const available = fixtureAvailable(FAILED) && fixtureAvailable(BACKLOG_PATH);

afterAll(disconnectDb);

describe.skipIf(!available)("the component board", () => {
  it("shows the operator image's runs by tag and architecture, its items and how stale its evidence is", async () => {
    const product = await productWithBacklog("board");
    const bytes = new TextEncoder().encode(asImage(readFileSync(FAILED), "public.ecr.aws/os-partners/neuron-openshift/operator:test"));
    const runs = prepareUpload([{ name: "results.json", bytes }], { arch: "amd64" });
    await ingestPreflightRuns({ runs, componentSlug: "neuron-openshift-operator", productSlug: product, actor: SYSTEM_ACTOR });

    const board = await getComponentBoard("neuron-openshift-operator", product);
    expect(board.component).toMatchObject({ slug: "neuron-openshift-operator", type: "container", policy: "container" });
    // v0.1.3 and v0.1.4 come from the document (an item's image, the plan's rebuild); "test" is the tag the run tested.
    // Newest first: the run's tag was seen last.
    expect(board.grid.tags[0]).toBe("test");
    expect(board.grid.tags.slice(1).sort()).toEqual(["v0.1.3", "v0.1.4"]);
    expect(board.grid).toMatchObject({ total: 3, hasMore: false, nextCursor: null });
    expect(board.grid.architectures).toEqual(["amd64"]);
    expect(board.grid.cells.find((c) => c.tag === "test")?.run).toMatchObject({ passed: false, counts: { passed: 9, failed: 1, errors: 0 } });
    expect(board.grid.cells.find((c) => c.tag === "v0.1.3")?.run).toBeNull();
    expect(board.staleness).toEqual([expect.objectContaining({ architecture: "amd64", daysSinceLastPass: null })]);
    // The blockers about it, and the items the document says its Dockerfile satisfies.
    expect(board.items.map((i) => i.key).sort()).toEqual(["C-1", "C-2", "C-3", "C-4", "C-5", "C-6", "C-7", "C-8", "C-9", "P0-2", "P0-3", "P0-4", "P0-5"]);
    expect(board.history).toHaveLength(1);
    // P0-3 (HasLicense) was verified by the run; P0-2 and P0-4 stay open.
    expect(board.openByCategory.critical_blocker).toBe(2);
  });

  it("shows every tag's newest run and the last pass however many runs came after them", async () => {
    const product = await productWithBacklog("board");
    const component = await getDb().component.findFirstOrThrow({ where: { slug: "neuron-openshift-operator", product: { slug: product } } });
    const DAY = 86_400_000;
    const start = Date.now() - 100 * DAY;
    const run = (n: number, tag: string, passed: boolean) => ({
      productId: component.productId,
      componentId: component.id,
      imageRef: `quay.io/example/operator:${tag}`,
      imageRefNormalized: `quay.io/example/operator:${tag}`,
      imageTag: tag,
      architecture: "amd64",
      kind: "container",
      preflightVersion: "1.16.0",
      passed,
      passedCount: passed ? 10 : 9,
      failedCount: passed ? 0 : 1,
      errorCount: 0,
      warningCount: 0,
      diff: {},
      warnings: [],
      contentSha256: `${tag}-${n}`,
      original: Buffer.from("{}"),
      actor: "test",
      createdAt: new Date(start + n * 60_000),
    });
    // v-old passed once, 100 days ago; then 600 failing runs of v-new (more than any page of runs).
    await getDb().preflightRun.createMany({ data: [run(0, "v-old", true), ...Array.from({ length: 600 }, (_, i) => run(i + 1, "v-new", false))] });

    const board = await getComponentBoard("neuron-openshift-operator", product, {}, new Date(start + 100 * DAY));
    expect(board.grid.cells.find((c) => c.tag === "v-old")?.run).toMatchObject({ passed: true });
    expect(board.grid.cells.find((c) => c.tag === "v-new")?.run).toMatchObject({ passed: false, createdAt: new Date(start + 600 * 60_000).toISOString() });
    expect(board.staleness).toEqual([expect.objectContaining({ architecture: "amd64", daysSinceLastPass: 100 })]);
    expect(board.history).toHaveLength(50);
    expect(board.historyPage.hasMore).toBe(true);
  });

  it("is 404 for an unknown component", async () => {
    const product = await productWithBacklog("board");
    await expect(getComponentBoard("no-such-component", product)).rejects.toMatchObject({ code: "not_found" });
  });
});
