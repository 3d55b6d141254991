import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { GET as getBoardRoute } from "@/app/api/v1/phases/[key]/route";
import { GET as listRoute } from "@/app/api/v1/phases/route";
import { IMPORT_ACTOR } from "@/lib/auth/schema";
import { importBacklog } from "@/lib/backlog/mutations";
import { updateItem } from "@/lib/items/mutations";
import { STATUSES } from "@/lib/backlog/schema";
import { disconnectDb } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { getPhaseBoard, listPhaseBoards } from "@/lib/phases/data";
import type { PhaseBoard, PhaseBoardSummary } from "@/lib/phases/schema";
import { createToken, request } from "@/tests/auth";
import { BACKLOG_PATH, hasBacklogFixture, readFixture } from "@/tests/fixtures";

// Each test imports into a product of its own: a clean state it created itself.
const newProduct = () => `ph-${randomUUID().slice(0, 8)}`;
const importDoc = (product: string) => importBacklog({ document: readFixture(BACKLOG_PATH), productSlug: product, actor: IMPORT_ACTOR });

afterAll(disconnectDb);

describe.skipIf(!hasBacklogFixture)("phase boards", () => {
  it("groups phase 1's items by status with every column present, and moves follow status changes", async () => {
    const product = newProduct();
    await importDoc(product);
    const board = await getPhaseBoard("phase-1", product);
    expect(board.phase).toMatchObject({ key: "phase-1", order: 1, name: "Operator Image Fixes" });
    expect(Object.keys(board.columns).sort()).toEqual([...STATUSES].sort());
    const keys = Object.values(board.columns).flat().map((item) => item.key);
    expect(keys).toEqual(expect.arrayContaining(["P0-2", "P0-3", "P0-4"]));
    expect(board.columns.not_started.map((i) => i.key)).toContain("P0-2");
    expect(board.progress.total).toBe(keys.length);

    const item = board.columns.not_started.find((i) => i.key === "P0-2");
    if (!item) throw new Error("P0-2 not on the board");
    await updateItem({ productSlug: product, key: "P0-2", patch: { version: item.version, status: "done" }, actor: { kind: "user", name: "bob" } });
    const after = await getPhaseBoard("phase-1", product);
    expect(after.columns.done.map((i) => i.key)).toContain("P0-2");
    expect(after.progress.done).toBe(board.progress.done + 1);
  });

  it("answers 404 for an unknown phase", async () => {
    const product = newProduct();
    await importDoc(product);
    await expect(getPhaseBoard("phase-99", product)).rejects.toSatisfy((error: unknown) => isAppError(error) && error.code === "not_found");
  });

  it("serves the list and the board through the read doors", async () => {
    const product = newProduct();
    await importDoc(product);
    const { token } = await createToken("engineer");
    const list = await listRoute(request(`/api/v1/phases?product=${product}`, { as: { token } }), { params: Promise.resolve({}) });
    expect(list.status).toBe(200);
    const body = (await list.json()) as { product: string; phases: PhaseBoardSummary[] };
    expect(body.phases.map((p) => p.key)).toEqual(["phase-1", "phase-2", "phase-3"]);
    expect(body).toEqual(await listPhaseBoards(product));

    const one = await getBoardRoute(request(`/api/v1/phases/phase-2?product=${product}`, { as: { token } }), { params: Promise.resolve({ key: "phase-2" }) });
    expect(one.status).toBe(200);
    expect(((await one.json()) as PhaseBoard).columns.not_started.map((i) => i.key)).toContain("P0-1");
    const missing = await getBoardRoute(request(`/api/v1/phases/nope?product=${product}`, { as: { token } }), { params: Promise.resolve({ key: "nope" }) });
    expect(missing.status).toBe(404);
  });
});
