// The board's grid and history are paged (issue 16): newest first, keyset cursors that cover every
// tag and run exactly once however runs arrive, and 400 for a cursor or limit the board never gave.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as gridRoute } from "@/app/api/v1/components/[slug]/grid/route";
import { GET as historyRoute } from "@/app/api/v1/components/[slug]/history/route";
import { GET as boardRoute } from "@/app/api/v1/components/[slug]/route";
import { getComponentBoard } from "@/lib/component-board/data";
import { boardQuerySchema, MAX_RUN_PAGE, MAX_TAG_PAGE, RUN_PAGE, TAG_PAGE, type ComponentBoard } from "@/lib/component-board/schema";
import { disconnectDb, getDb } from "@/lib/db";
import { createSignedInUser, request, type TestUser } from "@/tests/auth";
import { productWithBacklog } from "@/tests/db";

const SLUG = "neuron-openshift-operator";
const ARCHS = ["amd64", "arm64", "ppc64le", "s390x"];
const TAGS = 60;
const MINUTE = 60_000;
const start = Date.UTC(2026, 0, 1);

let product = "";
let viewer: TestUser;
let componentId = "";
let productId = "";

const run = (tag: string, arch: string, at: number, passed = true) => ({
  productId,
  componentId,
  imageRef: `quay.io/example/operator:${tag}`,
  imageRefNormalized: `quay.io/example/operator:${tag}`,
  imageTag: tag,
  architecture: arch,
  kind: "container",
  preflightVersion: "1.21.0",
  passed,
  passedCount: passed ? 10 : 9,
  failedCount: passed ? 0 : 1,
  errorCount: 0,
  warningCount: 0,
  diff: {},
  warnings: [],
  contentSha256: randomUUID(),
  original: Buffer.from("{}"),
  actor: "test",
  createdAt: new Date(at),
});

beforeAll(async () => {
  [product, viewer] = await Promise.all([productWithBacklog("paging"), createSignedInUser("viewer")]);
  const component = await getDb().component.findFirstOrThrow({ where: { slug: SLUG, product: { slug: product } } });
  componentId = component.id;
  productId = component.productId;
  // 60 builds t-00 … t-59, one a day, each run on four architectures; t-05 is retried later (a
  // second, failing run that must not move the tag) and two builds share a minute (the tie-break).
  const tag = (b: number) => `t-${String(b).padStart(2, "0")}`;
  await getDb().preflightRun.createMany({
    data: [
      ...Array.from({ length: TAGS }, (_, b) => ARCHS.map((arch, a) => run(tag(b), arch, start + b * 1440 * MINUTE + a * 1000))).flat(),
      run(tag(5), "amd64", start + 70 * 1440 * MINUTE, false),
      run("t-60", "amd64", start + 59 * 1440 * MINUTE),
    ],
  });
  // The document's tags v0.1.3 and v0.1.4 were recorded before any run: the oldest tags.
  await getDb().imageTag.updateMany({ where: { componentId }, data: { addedAt: new Date(start - MINUTE) } });
});
afterAll(disconnectDb);

const params = (slug: string) => ({ params: Promise.resolve({ slug }) });
async function answer(query: Record<string, string>) {
  const response = await boardRoute(request(`/api/v1/components/${SLUG}?${new URLSearchParams({ product, ...query })}`, { as: { cookie: viewer.cookie } }), params(SLUG));
  return { status: response.status, body: (await response.json()) as ComponentBoard & { error?: { message: string } } };
}

async function pageAnswer(part: "grid" | "history", query: Record<string, string>, slug = SLUG) {
  const handler = part === "grid" ? gridRoute : historyRoute;
  const response = await handler(request(`/api/v1/components/${slug}/${part}?${new URLSearchParams({ product, ...query })}`, { as: { cookie: viewer.cookie } }), params(slug));
  return { status: response.status, body: (await response.json()) as Partial<ComponentBoard> & { error?: { code: string; message: string } } };
}

describe("the component board's grid pages", () => {
  it("answers the newest tags first, a page at a time, until every tag was shown exactly once", async () => {
    const first = await getComponentBoard(SLUG, product);
    expect(first.grid.tags).toHaveLength(TAG_PAGE);
    // t-60 and t-59 were first seen in the same minute as each other's amd64 run: the later tag name wins the tie.
    expect(first.grid.tags.slice(0, 3)).toEqual(["t-60", "t-59", "t-58"]);
    expect(first.grid.architectures).toEqual(ARCHS);
    expect(first.grid.cells).toHaveLength(TAG_PAGE * ARCHS.length);
    expect(first.grid).toMatchObject({ total: TAGS + 3, hasMore: true });

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const { status, body } = await answer({ limit: "20", ...(cursor && { tags: cursor }) });
      expect(status).toBe(200);
      seen.push(...body.grid.tags);
      expect(body.grid.hasMore).toBe(body.grid.nextCursor !== null);
      cursor = body.grid.nextCursor;
      pages++;
    } while (cursor);
    const expected = [...Array.from({ length: TAGS + 1 }, (_, b) => `t-${String(TAGS - b).padStart(2, "0")}`), "v0.1.4", "v0.1.3"];
    expect(seen).toEqual(expected);
    expect(pages).toBe(Math.ceil((TAGS + 3) / 20));
  });

  it("keeps a retried tag in its place and shows its newest run", async () => {
    const { body } = await answer({ limit: "60" });
    const page = body.grid;
    expect(page.tags.indexOf("t-05")).toBe(page.tags.indexOf("t-06") + 1);
    expect(page.cells.find((c) => c.tag === "t-05" && c.architecture === "amd64")?.run).toMatchObject({ passed: false });
    expect(page.cells.find((c) => c.tag === "t-05" && c.architecture === "arm64")?.run).toMatchObject({ passed: true });
  });

  it("continues after the same tags when runs and new tags arrive between pages", async () => {
    const first = await answer({ limit: "10" });
    await getDb().preflightRun.create({ data: run("t-99", "amd64", Date.now()) });
    const second = await answer({ limit: "10", tags: first.body.grid.nextCursor! });
    expect(second.body.grid.tags[0]).toBe("t-50");
    expect(second.body.grid.total).toBe(TAGS + 4);
    await getDb().preflightRun.deleteMany({ where: { componentId, imageTag: "t-99" } });
  });

  it("refuses a cursor it never gave and a limit past the maximum", async () => {
    const bad: Record<string, string>[] = [{ tags: "not-a-cursor" }, { tags: btoa("[1,2]") }, { runs: "eyJ4Ijp0cnVlfQ" }, { limit: String(MAX_TAG_PAGE + 1) }, { limit: "0" }, { limit: "ten" }, { runsLimit: String(MAX_RUN_PAGE + 1) }];
    for (const query of bad) {
      const { status, body } = await answer(query);
      expect(status, JSON.stringify(query)).toBe(400);
      expect(body.error?.message).toMatch(new RegExp(`^${Object.keys(query)[0]}`));
    }
    expect((await answer({ limit: String(MAX_TAG_PAGE) })).body.grid.tags).toHaveLength(TAGS + 3);
    expect(boardQuerySchema.parse({}).limit).toBe(TAG_PAGE);
  });
});

describe("the component board's history pages", () => {
  it("answers runs newest first and covers every run exactly once across pages", async () => {
    const first = await getComponentBoard(SLUG, product);
    expect(first.history).toHaveLength(RUN_PAGE);
    expect(first.history[0]).toMatchObject({ tag: "t-05", architecture: "amd64", passed: false });
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const { status, body } = await answer({ runsLimit: String(MAX_RUN_PAGE), ...(cursor && { runs: cursor }) });
      expect(status).toBe(200);
      ids.push(...body.history.map((r) => r.id));
      expect(body.historyPage.hasMore).toBe(body.historyPage.nextCursor !== null);
      cursor = body.historyPage.nextCursor;
    } while (cursor);
    const all = await getDb().preflightRun.findMany({ where: { componentId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { id: true } });
    expect(ids).toEqual(all.map((r) => r.id));
    expect(new Set(ids).size).toBe(TAGS * ARCHS.length + 2);
  });
});

describe("a page of the grid or the history alone (what the board's buttons load)", () => {
  it("answers exactly the board's own pages, cursor after cursor, and nothing else of the board", async () => {
    for (const [part, cursorParam, limitParam] of [["grid", "tags", "limit"], ["history", "runs", "runsLimit"]] as const) {
      let cursor: string | null = null;
      let pages = 0;
      do {
        const query: Record<string, string> = { [limitParam]: "30", ...(cursor && { [cursorParam]: cursor }) };
        const [board, alone] = await Promise.all([answer(query), pageAnswer(part, query)]);
        expect(alone.status).toBe(200);
        if (part === "grid") {
          expect(alone.body).toEqual({ product, grid: board.body.grid });
          cursor = board.body.grid.nextCursor;
        } else {
          expect(alone.body).toEqual({ product, history: board.body.history, historyPage: board.body.historyPage });
          cursor = board.body.historyPage.nextCursor;
        }
        pages++;
      } while (cursor);
      expect(pages, part).toBeGreaterThan(2);
    }
  });

  it("refuses a cursor it never gave, and names a component that is not there", async () => {
    const badGrid = await pageAnswer("grid", { tags: "not-a-cursor" });
    expect(badGrid.status).toBe(400);
    expect(badGrid.body.error?.message).toMatch(/^tags: tags must be the nextCursor of a previous answer/);
    const badHistory = await pageAnswer("history", { runsLimit: String(MAX_RUN_PAGE + 1) });
    expect(badHistory.status).toBe(400);
    expect(badHistory.body.error?.message).toMatch(/^runsLimit/);
    for (const part of ["grid", "history"] as const) {
      const missing = await pageAnswer(part, {}, "no-such-component");
      expect(missing.status).toBe(404);
      expect(missing.body.error?.message).toBe(`No component "no-such-component" in product "${product}".`);
    }
  });
});
