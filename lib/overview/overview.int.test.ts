import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as exportRoute } from "@/app/api/v1/backlog/export/route";
import { GET as eventsRoute } from "@/app/api/v1/events/route";
import { GET as reportRoute } from "@/app/api/v1/report/route";
import type { Actor } from "@/lib/auth/schema";
import { getItem, listItems } from "@/lib/backlog/data";
import { updateItem } from "@/lib/items/mutations";
import { itemFilterSchema } from "@/lib/backlog/schema";
import { disconnectDb, getDb } from "@/lib/db";
import { countEvents, getOverview, getStatusReport, listEvents } from "@/lib/overview/data";
import { eventQuerySchema, OVERVIEW_BLOCKERS, type EventFeed } from "@/lib/overview/schema";
import { ingestPreflightRuns } from "@/lib/preflight/mutations";
import { prepareUpload } from "@/lib/preflight/prepare-upload";
import { createSignedInUser, request, type TestUser } from "@/tests/auth";
import { productWithBacklog } from "@/tests/db";
import { BACKLOG_PATH, fixtureAvailable, SHARED_FIXTURES } from "@/tests/fixtures";
import { asImage } from "@/tests/preflight";

const FAILED_1_16 = path.join(SHARED_FIXTURES, "preflight", "container_1.16.0_amd64_failed_HasNoProhibitedLabels.results.json");
const available = fixtureAvailable(BACKLOG_PATH) && fixtureAvailable(FAILED_1_16);
const OPERATOR = "neuron-openshift-operator";
const PAT: Actor = { kind: "user", name: "Pat Engineer" };
const CI: Actor = { kind: "token", name: "token ci", tokenId: "t" };
const DAY = 86_400_000;

let viewer: TestUser;
beforeAll(async () => {
  viewer = await createSignedInUser("viewer");
});
afterAll(disconnectDb);

async function setStatus(product: string, key: string, status: "in_progress" | "done" | "not_started") {
  const { version } = await getItem(key, product);
  await updateItem({ productSlug: product, key, patch: { version, status }, actor: PAT });
}

/** A run of the operator image; `failing` moves checks from passed to failed, and a commit makes the bytes unique. */
async function ingest(product: string, failing: string[] = [], commit = "base") {
  const doc = JSON.parse(asImage(readFileSync(FAILED_1_16)));
  for (const name of failing) {
    const index = doc.results.passed.findIndex((c: { name: string }) => c.name === name);
    doc.results.failed.push(...doc.results.passed.splice(index, 1));
  }
  doc.test_library.commit = commit;
  const runs = prepareUpload([{ name: "results.json", bytes: new TextEncoder().encode(JSON.stringify(doc)), role: "results" }], { arch: "amd64" });
  return (await ingestPreflightRuns({ runs, componentSlug: OPERATOR, productSlug: product, actor: CI })).runs[0]!;
}

async function openBlockers(product: string, component?: string): Promise<number> {
  const { items } = await listItems(itemFilterSchema.parse({ product, component, category: "critical_blocker", limit: "500" }));
  return items.filter((i) => i.status !== "done" && i.status !== "wont_do").length;
}

const query = (params: Record<string, string>) => eventQuerySchema.parse(params);
const kinds = (feed: EventFeed) => feed.events.map((e) => e.kind);

describe.skipIf(!available)("the event feed", () => {
  it("lists imports, status changes, verifications, new failures and regressions, newest first, filterable by component and kind", async () => {
    const product = await productWithBacklog("feed");
    await setStatus(product, "P0-1", "in_progress");
    await setStatus(product, "P1-3", "done");
    const first = await ingest(product);
    // HasLicense passed in the first run and fails in the second: a regression.
    const second = await ingest(product, ["HasLicense"], "second");

    const feed = await listEvents(query({ product }));
    expect(feed.product).toBe(product);
    expect(feed.truncated).toBe(false);
    const at = feed.events.map((e) => e.at);
    expect(at).toEqual([...at].sort().reverse());

    expect(feed.events.at(-1)).toMatchObject({ kind: "import", summary: "Backlog imported: 19 created, 0 updated, 0 unchanged", actor: "import" });
    expect(feed.events.find((e) => e.item?.key === "P0-1")).toMatchObject({ kind: "status", from: "not_started", to: "in_progress", actor: "Pat Engineer", href: `/items/P0-1?product=${product}` });
    expect(feed.events.find((e) => e.item?.key === "P1-3" && e.actor === "Pat Engineer")).toMatchObject({ kind: "verification", to: "done" });
    expect(feed.events.find((e) => e.id === `run:${first.id}:failure`)).toMatchObject({ checks: ["HasNoProhibitedLabels"], components: [OPERATOR], href: `/runs/${first.id}` });
    expect(feed.events.find((e) => e.id === `run:${second.id}:regression`)).toMatchObject({ kind: "regression", checks: ["HasLicense"] });
    // Whatever the first run verified, the second reopened: each is an item event.
    for (const key of second.items.reopened) {
      expect(feed.events.find((e) => e.item?.key === key && e.kind === "regression")?.summary).toMatch(/^Reopened: Done → Not started/);
    }
    for (const key of first.items.verified) {
      expect(feed.events.some((e) => e.item?.key === key && e.kind === "verification" && e.run?.id === first.id)).toBe(true);
    }

    const operator = await listEvents(query({ product, component: OPERATOR }));
    expect(operator.events.length).toBeGreaterThan(0);
    expect(operator.events.every((e) => e.components.includes(OPERATOR))).toBe(true);
    expect(kinds(operator)).not.toContain("import");

    const failures = await listEvents(query({ product, kind: "failure,regression" }));
    expect(new Set(kinds(failures))).toEqual(new Set(["failure", "regression"]));

    const capped = await listEvents(query({ product, limit: "2" }));
    expect(capped.events).toEqual(feed.events.slice(0, 2));
    expect(capped.truncated).toBe(true);
    // The overview's "N more" counts in the database exactly the events the feed lists.
    expect(await countEvents(product, new Date(feed.since))).toBe(feed.events.length);
  });

  it("looks back 7 days unless `since` says otherwise", async () => {
    const product = await productWithBacklog("since");
    await setStatus(product, "P0-1", "in_progress");
    const db = getDb();
    const old = new Date(Date.now() - 8 * DAY);
    await db.backlogImport.updateMany({ where: { product: { slug: product } }, data: { createdAt: old } });

    expect(kinds(await listEvents(query({ product })))).toEqual(["status"]);
    expect(kinds(await listEvents(query({ product, since: old.toISOString().slice(0, 10) })))).toEqual(["status", "import"]);
    expect(await listEvents(query({ product, since: new Date(Date.now() + DAY).toISOString() }))).toMatchObject({ events: [] });
  });

  it("answers GET /api/v1/events for readers, with clear 400s and 404s", async () => {
    const product = await productWithBacklog("events-api");
    const get = (qs: string) => eventsRoute(request(`/api/v1/events?${qs}`, { as: { cookie: viewer.cookie } }), { params: Promise.resolve({}) });

    const ok = await get(`product=${product}`);
    expect(ok.status).toBe(200);
    const body = (await ok.json()) as EventFeed;
    expect(body.events.map((e) => e.kind)).toEqual(["import"]);
    expect(Date.now() - Date.parse(body.since)).toBeGreaterThanOrEqual(7 * DAY - 60_000);

    const badSince = await get(`product=${product}&since=last-tuesday`);
    expect(badSince.status).toBe(400);
    expect(await badSince.json()).toMatchObject({ error: { code: "invalid", message: expect.stringMatching(/^since: must be an ISO 8601 date/) } });
    expect((await get(`product=${product}&since=2025-02-30`)).status).toBe(400);
    expect((await get(`product=${product}&limit=501`)).status).toBe(400);
    expect((await get(`product=${product}&kind=gossip`)).status).toBe(400);
    expect((await get(`product=no-such-product-${Date.now()}`)).status).toBe(404);
    expect(await (await get(`product=${product}&component=nope`)).json()).toMatchObject({ error: { code: "not_found", message: expect.stringContaining('No component "nope"') } });
  });
});

describe.skipIf(!available)("the overview's data", () => {
  it("reconstructs the open critical blockers per day from item history, and describes each component", async () => {
    const product = await productWithBacklog("burndown");
    const db = getDb();
    const threeDaysAgo = new Date(Date.now() - 3 * DAY);
    // The backlog was imported three days ago; one blocker was closed today.
    await db.backlogItem.updateMany({ where: { product: { slug: product } }, data: { createdAt: threeDaysAgo } });
    await db.itemEvent.updateMany({ where: { item: { product: { slug: product } } }, data: { at: threeDaysAgo } });
    const before = await getOverview(product);
    const openBefore = before!.burndown.at(-1)!.open;
    expect(openBefore).toBe(await openBlockers(product));

    await setStatus(product, "P0-1", "done");
    await ingest(product);
    await db.component.update({ where: { productId_slug: { productId: (await db.product.findUniqueOrThrow({ where: { slug: product } })).id, slug: OPERATOR } }, data: { certificationStatus: "published" } });

    const overview = (await getOverview(product))!;
    const openNow = await openBlockers(product);
    expect(openNow).toBeLessThan(openBefore);
    expect(overview.burndown).toHaveLength(4);
    expect(overview.burndown.map((p) => p.open)).toEqual([openBefore, openBefore, openBefore, openNow]);
    expect(overview.runsPerWeek.at(-1)).toEqual(expect.objectContaining({ passed: 0, failed: 1 }));
    expect(overview.categoryStatus.find((r) => r.category === "critical_blocker")?.done).toBeGreaterThanOrEqual(2);
    // Red Hat's own scheduler is certified already: only the vendor's components are counted.
    expect(overview.components).toEqual({ certified: 1, total: overview.tiles.filter((t) => !t.redHat).length });
    expect(overview.tiles.filter((t) => t.redHat).map((t) => t.slug)).toEqual(["ose-kube-scheduler"]);
    const tile = overview.tiles.find((t) => t.slug === OPERATOR)!;
    expect(tile).toMatchObject({ certified: true, policy: "container", lastRun: { passed: false, architecture: "amd64" } });
    expect(tile.openBlockers).toBe(await openBlockers(product, OPERATOR));
  });

  it("lists the open critical blockers in the report's order, with owner, age and components, at most OVERVIEW_BLOCKERS", async () => {
    const product = await productWithBacklog("blockers");
    const db = getDb();
    await setStatus(product, "P0-1", "done");
    await db.backlogItem.update({ where: { productId_key: { productId: (await db.product.findUniqueOrThrow({ where: { slug: product } })).id, key: "P0-3" } }, data: { assigneeId: viewer.id } });
    const [overview, report] = await Promise.all([getOverview(product), getStatusReport(product)]);
    const blockers = overview!.blockers;
    expect(blockers.map((b) => b.key)).toEqual(report.blockers.slice(0, OVERVIEW_BLOCKERS).map((b) => b.key));
    expect(blockers.map((b) => b.key)).not.toContain("P0-1");
    expect(blockers.length).toBe(Math.min(OVERVIEW_BLOCKERS, await openBlockers(product)));
    const p03 = blockers.find((b) => b.key === "P0-3")!;
    expect(p03.owner).toBe(viewer.name);
    expect(p03.components).toContainEqual(expect.objectContaining({ slug: OPERATOR }));
    expect(Date.parse(p03.createdAt)).not.toBeNaN();
    expect(blockers.filter((b) => b.key !== "P0-3").every((b) => b.owner === null)).toBe(true);
  });

  it("serves the markdown status report with this week's changes, and refuses other formats", async () => {
    const product = await productWithBacklog("report");
    await setStatus(product, "P0-1", "in_progress");
    const report = await getStatusReport(product);
    expect(report.blockers.map((b) => b.key)).toContain("P0-1");
    expect(report.blockers.every((b) => b.status !== "done" && b.status !== "wont_do")).toBe(true);

    const get = (qs: string) => reportRoute(request(`/api/v1/report?${qs}`, { as: { cookie: viewer.cookie } }), { params: Promise.resolve({}) });
    const response = await get(`product=${product}&format=md`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/markdown; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(new RegExp(`^attachment; filename="${product}-status-\\d{4}-\\d{2}-\\d{2}\\.md"$`));
    const md = await response.text();
    expect(md).toContain(`| Open critical blockers | ${report.categories.critical_blocker.open} of 6 |`);
    expect(md).toContain("## Phases");
    expect(md).toMatch(/\| P0-1 \| .+ \| In progress \| P0 \|/);
    expect(md).toMatch(/\*\*Status change\*\*: P0-1 .*Not started → In progress \(Pat Engineer\)/);

    const csv = await get(`product=${product}&format=csv`);
    expect(csv.status).toBe(400);
    expect(await csv.json()).toMatchObject({ error: { code: "invalid", message: expect.stringContaining('format: the only report format is "md"') } });
    expect((await get(`product=no-such-${Date.now()}`)).status).toBe(404);
  });
});

describe.skipIf(!available)("the CSV export", () => {
  async function exportCsv(qs: string): Promise<{ status: number; keys: string[]; disposition: string | null }> {
    const response = await exportRoute(request(`/api/v1/backlog/export?${qs}`, { as: { cookie: viewer.cookie } }), { params: Promise.resolve({}) });
    const text = await response.text();
    const lines = text.trim().split(/\r?\n/);
    return { status: response.status, keys: lines.slice(1).map((line) => line.split(",")[0]!), disposition: response.headers.get("content-disposition") };
  }

  it("holds exactly the items the same filters list on /items, in the list's order", async () => {
    const product = await productWithBacklog("csv");
    const all = await exportCsv(`product=${product}&format=csv`);
    expect(all.status).toBe(200);
    expect(all.keys).toHaveLength(19);
    expect(all.disposition).toBe(`attachment; filename="${product}-backlog.csv"`);

    const filters: Record<string, string>[] = [
      { category: "critical_blocker", sort: "priority", dir: "desc" },
      { status: "wont_do" },
      { q: "licenses", sort: "title" },
      { component: OPERATOR },
      { priority: "none" },
    ];
    for (const filter of filters) {
      const qs = new URLSearchParams({ product, format: "csv", ...filter }).toString();
      const listed = await listItems(itemFilterSchema.parse({ product, ...filter, limit: "500" }));
      const exported = await exportCsv(qs);
      expect(exported.keys, qs).toEqual(listed.items.map((i) => i.key));
      expect(exported.disposition).toBe(`attachment; filename="${product}-items.csv"`);
    }
    expect((await exportCsv(`product=${product}&format=csv&status=nope`)).status).toBe(400);
  });
});
