import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/v1/backlog/import/route";
import { IMPORT_ACTOR } from "@/lib/auth/schema";
import { getItem } from "@/lib/backlog/data";
import { importBacklog } from "@/lib/backlog/mutations";
import { disconnectDb } from "@/lib/db";
import { updateItem } from "@/lib/items/mutations";
import { ChangeListener } from "@/lib/live/listener";
import type { Change } from "@/lib/live/schema";
import { createToken, request } from "@/tests/auth";
import { productWithBacklog, rowCounts } from "@/tests/db";
import { BACKLOG_PATH, hasBacklogFixture, readFixture } from "@/tests/fixtures";

// A dry run does the whole import in its transaction and rolls it back: the report of the real
// import, and not one row (items, events, components, phases, import record, product) written.

const newProduct = () => `dry-${randomUUID().slice(0, 8)}`;
const doc = () => readFixture(BACKLOG_PATH);
const WAIT_MS = 15_000;
const listener = new ChangeListener({ connectionString: process.env.DATABASE_URL ?? "", backoff: { baseMs: 100, maxMs: 1_000 } });
let engineerToken = "";

beforeAll(async () => {
  engineerToken = (await createToken("engineer")).token;
});

afterAll(async () => {
  await listener.close();
  await disconnectDb();
});

describe.skipIf(!hasBacklogFixture)("import dry run", () => {
  it("reports what a first import would create, and writes nothing, not even the product", async () => {
    const product = newProduct();
    const before = await rowCounts();
    const preview = await importBacklog({ document: doc(), productSlug: product, actor: IMPORT_ACTOR, dryRun: true });
    expect(preview).toMatchObject({ product, created: 19, updated: 0, unchanged: 0, items: 19 });
    expect(await rowCounts()).toEqual(before);

    const real = await importBacklog({ document: doc(), productSlug: product, actor: IMPORT_ACTOR });
    expect(real).toEqual(preview);
  });

  it("reports the conflicts a re-import would keep, exactly as the real re-import then does", async () => {
    const product = await productWithBacklog("dry-conflict");
    const { version } = await getItem("P0-2", product);
    await updateItem({ productSlug: product, key: "P0-2", patch: { version, status: "in_progress" }, actor: { kind: "user", name: "alice" } });
    const edited = doc().replace(/(### P0-2:[^\n]*)/, "$1 (renamed)");

    const before = await rowCounts();
    const preview = await importBacklog({ document: edited, productSlug: product, actor: IMPORT_ACTOR, dryRun: true });
    expect(await rowCounts()).toEqual(before);
    expect(preview.updated).toBe(1);
    expect(preview.conflicts).toEqual([expect.objectContaining({ item: "P0-2", field: "status", current: "in_progress" })]);
    expect((await getItem("P0-2", product)).title).not.toContain("(renamed)");

    expect(await importBacklog({ document: edited, productSlug: product, actor: IMPORT_ACTOR })).toEqual(preview);
    expect((await getItem("P0-2", product)).title).toContain("(renamed)");
  });

  it("POST /api/v1/backlog/import?dryRun=true answers 200 with the report and writes nothing", async () => {
    const product = newProduct();
    const send = (query: string) =>
      POST(request(`/api/v1/backlog/import?product=${product}${query}`, { method: "POST", body: doc(), contentType: "text/markdown", as: { token: engineerToken } }), {
        params: Promise.resolve({}),
      });
    const before = await rowCounts();
    const response = await send("&dryRun=true");
    expect(response.status).toBe(200);
    const preview = await response.json();
    expect(preview).toMatchObject({ product, created: 19, items: 19 });
    expect(await rowCounts()).toEqual(before);

    const bad = await send("&dryRun=maybe");
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toBe('dryRun: "maybe" is not one of: true, false');

    const real = await send("");
    expect(real.status).toBe(201);
    expect(await real.json()).toEqual(preview);
  });

  it("sends no live notification: a later committed write is heard, the dry run never", async () => {
    const heard: Change[] = [];
    const unsubscribe = listener.subscribe((event) => {
      if (event.type === "change") heard.push(event.change);
    });
    expect(await listener.waitUntilLive(WAIT_MS)).toBe(true);
    const dry = newProduct();
    await importBacklog({ document: doc(), productSlug: dry, actor: IMPORT_ACTOR, dryRun: true });
    // Notifications arrive in commit order: once the real import's are heard, the dry run's would have been.
    const real = await productWithBacklog("dry-after");
    await expect.poll(() => heard.some((c) => c.product === real && c.table === "BacklogItem"), { timeout: WAIT_MS }).toBe(true);
    expect(heard.filter((c) => c.product === dry)).toEqual([]);
    unsubscribe();
  });
});
