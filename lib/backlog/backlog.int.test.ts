import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PATCH } from "@/app/api/v1/items/[key]/route";
import { IMPORT_ACTOR, type Actor } from "@/lib/auth/schema";
import { getBacklogDocument, getItem, getSummary, listItems } from "@/lib/backlog/data";
import { exportBacklogMarkdown } from "@/lib/backlog/export-markdown";
import { importBacklog } from "@/lib/backlog/mutations";
import { updateItem } from "@/lib/items/mutations";
import { itemFilterSchema } from "@/lib/backlog/schema";
import { disconnectDb, getDb } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { createToken, request } from "@/tests/auth";
import { rowCounts } from "@/tests/db";
import { BACKLOG_PATH, hasBacklogFixture, readFixture } from "@/tests/fixtures";
import { HOSTILE_BACKLOGS } from "@/tests/hostile/backlogs";

// Each test imports into a product of its own: a clean state it created itself.
const newProduct = () => `it-${randomUUID().slice(0, 8)}`;
const doc = () => readFixture(BACKLOG_PATH);
const importDoc = (product: string, document = doc()) => importBacklog({ document, productSlug: product, actor: IMPORT_ACTOR });

async function eventCount(product: string) {
  return getDb().itemEvent.count({ where: { item: { product: { slug: product } } } });
}

const BOB: Actor = { kind: "user", name: "bob" };
let engineerToken = "";
beforeAll(async () => {
  engineerToken = (await createToken("engineer")).token;
});

function patchRequest(product: string, key: string, body: unknown) {
  return request(`/api/v1/items/${key}?product=${product}`, { method: "PATCH", body, as: { token: engineerToken } });
}

afterAll(disconnectDb);

describe("importing documents shaped to be slow", () => {
  // The shapes the reader accepts, at the 2 MiB cap: each import is written whole, one item, in
  // the time a document that size takes (the refused shapes are in the hostile corpus, over HTTP).
  const accepted = ["a heading of closing parentheses", "an action of image words", "a heading of pictographs", "a plan step of make arguments"];
  it.each(accepted)("%s", { timeout: 120_000 }, async (name) => {
    const shape = HOSTILE_BACKLOGS.find((candidate) => candidate.name === name)!;
    const product = newProduct();
    const result = await importDoc(product, shape.make(2 * 1024 * 1024));
    expect(result.created).toBe(1);
    expect(await getDb().backlogItem.count({ where: { product: { slug: product } } })).toBe(1);
  });
});

describe.skipIf(!hasBacklogFixture)("importing the customer's backlog into PostgreSQL", () => {
  it("stores 19 items, 3 phases and the linked components, and reports the summary's disagreements", async () => {
    const product = newProduct();
    const result = await importDoc(product);
    expect(result).toMatchObject({
      created: 19,
      updated: 0,
      unchanged: 0,
      items: 19,
      byCategory: { critical_blocker: 6, needs_verification: 1, not_required: 3, compliant: 9 },
      phases: 3,
      conflicts: [],
    });
    expect(result.warnings.join("\n")).toMatch(/says 3 critical blockers.*lists 6/);
    expect(result.warnings.join("\n")).toMatch(/says 4 not-required items.*lists 3/);
    expect(result.warnings.join("\n")).toMatch(/says 13 compliant items.*lists 9/);

    const p01 = await getItem("P0-1", product);
    expect(p01.components).toHaveLength(5);
    expect(p01.phase?.key).toBe("phase-2");
    expect(p01.effortMinHours).toBe(80);
    expect(p01.effortMaxHours).toBe(120);
    const operator = (await getItem("P0-3", product)).components.map((c) => c.slug);
    expect((await getItem("P0-4", product)).components.map((c) => c.slug)).toEqual(operator);
    expect(operator).toHaveLength(1);
    const component = await getDb().component.findFirst({ where: { slug: operator[0], product: { slug: product } } });
    expect(component?.repository).toBe("os-partners/neuron-openshift/operator");

    const phase1 = await listItems(itemFilterSchema.parse({ product, phase: "phase-1" }));
    expect(phase1.items.map((i) => i.key).sort()).toEqual(["P0-2", "P0-3", "P0-4", "P0-6"]);
    const created = await getItem("P0-2", product);
    expect(created.history).toEqual([expect.objectContaining({ actor: "import", field: "created" })]);
  });

  it("re-importing the same file changes nothing and records no events", async () => {
    const product = newProduct();
    await importDoc(product);
    const before = await eventCount(product);
    const again = await importDoc(product);
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 19, conflicts: [] });
    expect(await eventCount(product)).toBe(before);
  });

  it("a changed file updates what changed, with events by actor import", async () => {
    const product = newProduct();
    await importDoc(product);
    const changed = doc().replace("**Effort:** 30 minutes  \n**Status:** ‚ùå FAILED", "**Effort:** 1-2 hours  \n**Status:** ‚ùå FAILED");
    expect(changed).not.toBe(doc());
    const result = await importDoc(product, changed);
    expect(result).toMatchObject({ created: 0, updated: 1, unchanged: 18, conflicts: [] });
    const p04 = await getItem("P0-4", product);
    expect(p04.effortText).toBe("1-2 hours");
    expect(p04.effortMaxHours).toBe(2);
    expect(p04.version).toBe(2);
    expect(p04.history[0]).toMatchObject({ actor: "import", field: "effortText", oldValue: "30 minutes", newValue: "1-2 hours" });
  });

  it("a reworded action in the document updates the checklist without a false conflict", async () => {
    const product = newProduct();
    await importDoc(product);
    const changed = doc().replace("Be prepared to justify during Red Hat review", "Be ready to justify it during the Red Hat review");
    expect(changed).not.toBe(doc());
    const result = await importDoc(product, changed);
    expect(result).toMatchObject({ created: 0, updated: 1, conflicts: [] });
    const p06 = await getItem("P0-6", product);
    expect(p06.actions[1]?.text).toBe("Be ready to justify it during the Red Hat review");
    expect(p06.history[0]).toMatchObject({ actor: "import", field: "actions" });
  });

  it("a person's edit survives a re-import and is reported as a conflict", async () => {
    const product = newProduct();
    await importDoc(product);
    const p02 = await getItem("P0-2", product);
    await updateItem({ productSlug: product, key: "P0-2", patch: { version: p02.version, status: "in_progress" }, actor: { kind: "user", name: "alice" } });
    const events = await eventCount(product);

    const result = await importDoc(product);
    expect(result.conflicts).toEqual([{ item: "P0-2", field: "status", current: "in_progress", incoming: "not_started" }]);
    expect(result.updated).toBe(0);
    const after = await getItem("P0-2", product);
    expect(after.status).toBe("in_progress");
    expect(after.history[0]).toMatchObject({ actor: "alice", field: "status", oldValue: "not_started", newValue: "in_progress" });
    expect(await eventCount(product)).toBe(events);
  });

  it("export then import yields the same items with no changes", async () => {
    const product = newProduct();
    await importDoc(product);
    const exported = exportBacklogMarkdown(await getBacklogDocument(product));
    const back = await importDoc(product, exported);
    expect(back).toMatchObject({ created: 0, updated: 0, unchanged: 19, conflicts: [], warnings: [] });

    const copy = newProduct();
    const fresh = await importDoc(copy, exported);
    expect(fresh).toMatchObject({ created: 19, byCategory: { critical_blocker: 6, needs_verification: 1, not_required: 3, compliant: 9 }, warnings: [] });
    const strip = (items: Awaited<ReturnType<typeof listItems>>["items"]) => items.map((item) => ({ ...item, updatedAt: undefined }));
    const all = (p: string) => listItems(itemFilterSchema.parse({ product: p, limit: 500 }));
    expect(strip((await all(copy)).items)).toEqual(strip((await all(product)).items));
  });

  it("summary counts match the items", async () => {
    const product = newProduct();
    await importDoc(product);
    const summary = await getSummary(product);
    expect(summary.categories).toEqual({
      critical_blocker: { total: 6, open: 5, done: 1 },
      needs_verification: { total: 1, open: 1, done: 0 },
      not_required: { total: 3, open: 0, done: 3 },
      compliant: { total: 9, open: 0, done: 9 },
    });
    const { items } = await listItems(itemFilterSchema.parse({ product, limit: 500 }));
    for (const [category, counts] of Object.entries(summary.categories)) {
      expect(items.filter((i) => i.category === category)).toHaveLength(counts.total);
    }
    expect(summary.phases.map((p) => [p.key, p.total, p.done])).toEqual([["phase-1", 4, 0], ["phase-2", 1, 0], ["phase-3", 0, 0]]);
    // Open items' effort: P0-1 80-120 h, P0-4 0.5 h, P0-6 1-2 h, P1-3 0.5 h.
    expect(summary.remainingEffort.minHours).toBe(82);
    expect(summary.remainingEffort.maxHours).toBe(123);
  });
});

describe.skipIf(!hasBacklogFixture)("editing items", () => {
  it("PATCH with a stale version gets 409 and changes nothing", async () => {
    const product = newProduct();
    await importDoc(product);
    const ctx = { params: Promise.resolve({ key: "P0-3" }) };
    const ok = await PATCH(patchRequest(product, "P0-3", { version: 1, status: "in_progress" }), ctx);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ key: "P0-3", status: "in_progress", version: 2 });

    const stale = await PATCH(patchRequest(product, "P0-3", { version: 1, priority: "P2" }), ctx);
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({ error: { code: "conflict" } });
    const item = await getItem("P0-3", product);
    expect(item).toMatchObject({ priority: "P0", status: "in_progress", version: 2 });
    expect(item.history.filter((e) => e.actor.startsWith("token test-engineer"))).toHaveLength(1);
  });

  it("PATCH refuses unknown fields and values with 400, and unknown items with 404", async () => {
    const product = newProduct();
    await importDoc(product);
    const ctx = { params: Promise.resolve({ key: "P0-3" }) };
    for (const body of [{ version: 1, colour: "red" }, { version: 1, status: "finished" }, { status: "done" }, { version: 1 }]) {
      const response = await PATCH(patchRequest(product, "P0-3", body), ctx);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(await response.json()).toMatchObject({ error: { code: "invalid" } });
    }
    // An effort it cannot read is refused with the forms it can, not stored and silently left out of the totals.
    const vague = await PATCH(patchRequest(product, "P0-3", { version: 1, effortText: "soonish" }), ctx);
    expect(vague.status).toBe(400);
    expect(JSON.stringify(await vague.json())).toMatch(/Effort must be a number and a unit.*30m.*1-2 days/);
    const missing = await PATCH(patchRequest(product, "P9-9", { version: 1, status: "done" }), { params: Promise.resolve({ key: "P9-9" }) });
    expect(missing.status).toBe(404);
    expect((await getItem("P0-3", product)).version).toBe(1);
  });

  it("of 20 concurrent saves with the same version exactly one wins", async () => {
    const product = newProduct();
    await importDoc(product);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        updateItem({ productSlug: product, key: "P1-3", patch: { version: 1, effortText: `${i + 1} hours` }, actor: BOB }),
      ),
    );
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    const rejected = outcomes.filter((o): o is PromiseRejectedResult => o.status === "rejected");
    expect(rejected.every((o) => isAppError(o.reason) && o.reason.code === "conflict")).toBe(true);
    const item = await getItem("P1-3", product);
    expect(item.version).toBe(2);
    expect(item.history.filter((e) => e.field === "effortText")).toHaveLength(1);
  });
});

describe("refused imports change nothing", () => {
  const cases: [string, Uint8Array | string, string][] = [
    ["over 2 MiB", "# Backlog\n\n" + "x".repeat(2 * 1024 * 1024), "too_large"],
    ["invalid UTF-8", new Uint8Array([0x23, 0x20, 0xff, 0xfe, 0x0a]), "invalid_encoding"],
    ["JSON instead of markdown", JSON.stringify({ items: [{ key: "P0-1" }] }), "not_markdown"],
    ["markdown without items", "# Shopping\n\n- milk\n- eggs\n", "no_items"],
    ["empty", "", "not_markdown"],
  ];
  it.each(cases)("%s", async (_name, document, code) => {
    const before = await rowCounts();
    const error = await importBacklog({ document, productSlug: newProduct(), actor: IMPORT_ACTOR }).catch((e: unknown) => e);
    expect(isAppError(error) && error.code).toBe(code);
    expect(await rowCounts()).toEqual(before);
  });
});
