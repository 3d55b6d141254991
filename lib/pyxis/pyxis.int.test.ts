// Syncing with Red Hat's catalog against a local fake catalog shaped as certification-domain.md §6:
// Red Hat wins for what it owns, a person's overridden value is a conflict, one failing component
// stops none of the others and writes nothing of its own, and the key never leaves the server.
import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { getComponentBoard } from "@/lib/component-board/data";
import { countEvents, listEvents } from "@/lib/overview/data";
import { updateComponent } from "@/lib/components/mutations";
import { disconnectDb, getDb } from "@/lib/db";
import { getConnectionView, listSyncs } from "@/lib/pyxis/data";
import { dismissConflict, exportSnapshots, setConnection, syncProduct, testConnection } from "@/lib/pyxis/mutations";
import { syncRequirementCatalog } from "@/lib/requirements/mutations";
import { startFakePyxis, type FakePyxis } from "@/tests/fake-pyxis";

const KEY = `pyxis-key-${randomUUID()}`;
const OPERATOR = "6a1b2c3d4e5f60718293a4b5";
const DRIVER = "6a1b2c3d4e5f60718293a4b6";
const FAST = { timeoutMs: 300, backoffMs: 5, retries: 2 };
const NOW = new Date("2026-12-06T12:00:00Z");
const admin = { name: "Ada Admin" };

let fake: FakePyxis;
afterAll(async () => {
  await fake?.close();
  await disconnectDb();
});

beforeAll(async () => {
  await getDb().$transaction((tx) => syncRequirementCatalog(tx));
  fake = await startFakePyxis({ apiKey: KEY });
});

function image(digest: string, architecture: string, options: { tags?: string[]; published?: boolean; certified?: boolean; grade?: string } = {}) {
  return {
    _id: `img-${digest}-${architecture}`,
    docker_image_digest: `sha256:${digest.padEnd(64, "0")}`,
    architecture,
    certified: options.certified ?? true,
    deleted: false,
    repositories: [
      {
        registry: "registry.connect.redhat.com",
        repository: "aws/neuron-operator",
        published: options.published ?? true,
        push_date: "2026-11-20T10:00:00Z",
        tags: (options.tags ?? ["v1.2.0"]).map((name) => ({ name, added_date: "2026-11-20T10:00:00Z" })),
      },
    ],
    freshness_grades: [
      { grade: "A", start_date: "2026-11-20T10:00:00Z", end_date: "2026-11-30T10:00:00Z" },
      { grade: options.grade ?? "B", start_date: "2026-11-30T10:00:00Z", end_date: null },
    ],
  };
}

function project(id: string, status: string, privileged: boolean) {
  return {
    _id: id,
    name: "Neuron operator",
    certification_status: status,
    project_status: "active",
    container: { privileged, os_content_type: "Red Hat Universal Base Image (UBI)", registry: "registry.connect.redhat.com", repository: "aws/neuron-operator" },
  };
}

/** A product with two connected images and a bundle that has no project yet. */
async function connectedProduct(): Promise<string> {
  const slug = `pyxis-${randomUUID().slice(0, 8)}`;
  await getDb().product.create({
    data: {
      slug,
      name: "Pyxis test",
      components: {
        create: [
          { slug: "operator", name: "Operator image", type: "container", connectProjectId: OPERATOR },
          { slug: "driver", name: "Driver image", type: "container", connectProjectId: DRIVER },
          { slug: "bundle", name: "Bundle", type: "operator_bundle" },
        ],
      },
    },
  });
  await setConnection(slug, { url: fake.url, apiKey: KEY }, admin);
  return slug;
}

const component = (product: string, slug: string) =>
  getDb().component.findFirstOrThrow({ where: { product: { slug: product }, slug }, select: { id: true, certificationStatus: true, hostAccess: true, version: true, redHatSyncedAt: true } });

// Each test sets the projects it needs; scripted faults a test did not use up go with it.
afterEach(() => {
  fake.requests.length = 0;
  fake.forget(OPERATOR);
  fake.forget(DRIVER);
});

describe("a product's connection to Red Hat's catalog", () => {
  it("keeps the key sealed: stored unreadable, never in an answer", async () => {
    const product = await connectedProduct();
    const row = await getDb().pyxisConnection.findFirstOrThrow({ where: { product: { slug: product } } });
    expect(row.sealedKey).not.toContain(KEY);
    const view = await getConnectionView(product);
    expect(view).toMatchObject({ product, connected: true, url: fake.url, updatedBy: "Ada Admin", lastSync: null });
    expect(JSON.stringify(view)).not.toContain(KEY);
  });

  it("tests the connection with the stored key, and says when the key is refused", async () => {
    const product = await connectedProduct();
    fake.setProject(DRIVER, { project: project(DRIVER, "Started", false) });
    const ok = await testConnection(product);
    expect(ok.ok).toBe(true);
    expect(fake.requests.every((r) => r.apiKey === KEY)).toBe(true);
    await setConnection(product, { url: fake.url, apiKey: "not-the-key" }, admin);
    const refused = await testConnection(product);
    expect(refused).toMatchObject({ ok: false });
    expect(refused.message).toContain("refused");
    expect(refused.message).not.toContain("not-the-key");
  });
});

describe("syncing with Red Hat's catalog", () => {
  it("takes Red Hat's status, host access, images and grades, records who changed what, and feeds CTR-13 and CTR-15", async () => {
    const product = await connectedProduct();
    fake.setProject(OPERATOR, {
      project: project(OPERATOR, "In Progress", true),
      images: [image("aa", "amd64", { grade: "B" }), image("bb", "arm64", { grade: "A" }), image("cc", "amd64", { tags: ["v1.1.0"], published: false, grade: "D" })],
      testResults: [{ _id: "tr1", image_id: "img-aa-amd64", version: "1.12.1", passed: true, creation_date: "2026-11-21T10:00:00Z" }],
    });
    fake.setProject(DRIVER, { project: project(DRIVER, "Published", false), images: [image("dd", "amd64", { grade: "E" })] });

    // Pages of two: the operator's three images come in two pages.
    const sync = await syncProduct({ productSlug: product, trigger: "person", actor: admin, now: NOW, tuning: { ...FAST, pageSize: 2 } });
    expect(sync).toMatchObject({ outcome: "ok", trigger: "person", actor: "Ada Admin", failures: [] });
    expect(fake.requests.filter((r) => r.path === `/v1/projects/certification/id/${OPERATOR}/images`).map((r) => [r.query.page, r.query.page_size])).toEqual([
      ["0", "2"],
      ["1", "2"],
    ]);
    expect(sync.changes).toEqual(
      expect.arrayContaining([
        { component: "operator", field: "certificationStatus", from: "not_created", to: "in_progress" },
        { component: "operator", field: "hostAccess", from: "unprivileged", to: "privileged" },
        { component: "driver", field: "certificationStatus", from: "not_created", to: "published" },
      ]),
    );
    expect(await component(product, "operator")).toMatchObject({ certificationStatus: "in_progress", hostAccess: "privileged", redHatSyncedAt: NOW });

    const operator = await component(product, "operator");
    const events = await getDb().componentEvent.findMany({ where: { componentId: operator.id, field: { in: ["certificationStatus", "hostAccess"] } }, orderBy: { field: "asc" } });
    expect(events.map((e) => [e.actor, e.field, e.oldValue, e.newValue])).toEqual([
      ["Red Hat", "certificationStatus", "not_created", "in_progress"],
      ["Red Hat", "hostAccess", "unprivileged", "privileged"],
    ]);

    const board = await getComponentBoard("operator", product);
    expect(board.redHat).toMatchObject({ syncedAt: NOW.toISOString(), projectId: OPERATOR, certificationStatus: "In Progress", privileged: true, conflicts: [] });
    expect(board.redHat.history).toEqual(expect.arrayContaining([{ at: NOW.toISOString(), actor: "Red Hat", field: "certificationStatus", from: "not_created", to: "in_progress", note: null }]));
    expect(board.redHat.images.map((i) => [i.architecture, i.tags, i.grade, i.published, i.seenInRun])).toEqual([
      ["amd64", ["v1.2.0"], "B", true, false],
      ["amd64", ["v1.1.0"], "D", false, false],
      ["arm64", ["v1.2.0"], "A", true, false],
    ]);
    // CTR-13 reads the images in use (published): the unpublished v1.1.0's D does not count.
    const ctr13 = board.requirements.rows.find((r) => r.code === "CTR-13");
    expect(ctr13).toMatchObject({ evidence: "passed" });
    expect(ctr13?.detail).toContain("Worst health grade from Red Hat: B");
    const ctr15 = board.requirements.rows.find((r) => r.code === "CTR-15");
    expect(ctr15?.detail).toContain("Submitted to Red Hat for amd64");

    // "What changed" tells it, with Red Hat as the actor, and its count agrees.
    const feed = await listEvents({ product, kind: ["certification"], limit: 100 }, NOW);
    expect(feed.events.map((e) => [e.actor, e.summary, e.components])).toEqual(
      expect.arrayContaining([
        ["Red Hat", "Operator image: certification status Not created → In progress", ["operator"]],
        ["Red Hat", "Driver image: certification status Not created → Published", ["driver"]],
      ]),
    );
    const since = new Date(NOW.getTime() - 60_000);
    expect(await countEvents(product, since)).toBe((await listEvents({ product, since, limit: 500 }, NOW)).events.length);

    const driverBoard = await getComponentBoard("driver", product);
    expect(driverBoard.requirements.rows.find((r) => r.code === "CTR-13")).toMatchObject({ evidence: "failed" });

    // The same answers again change nothing and record nothing new.
    const again = await syncProduct({ productSlug: product, trigger: "schedule", actor: { name: "schedule" }, now: NOW, tuning: FAST });
    expect(again).toMatchObject({ outcome: "ok", changes: [] });
    expect((await component(product, "operator")).version).toBe(operator.version);
    expect((await listSyncs(product)).map((s) => s.trigger)).toEqual(["schedule", "person"]);
  });

  it("overrides a value a person set, keeps theirs in history, and reports a conflict until dismissed", async () => {
    const product = await connectedProduct();
    const before = await component(product, "operator");
    await updateComponent({ productSlug: product, slug: "operator", patch: { version: before.version, certificationStatus: "published" }, actor: { name: "Erin Engineer" } });
    fake.setProject(OPERATOR, { project: project(OPERATOR, "Certification Tests In Progress", false) });
    fake.setProject(DRIVER, { project: project(DRIVER, "Started", false) });

    await syncProduct({ productSlug: product, trigger: "person", actor: admin, tuning: FAST });
    const after = await component(product, "operator");
    expect(after.certificationStatus).toBe("tests_in_progress");
    const history = await getDb().componentEvent.findMany({ where: { componentId: after.id, field: "certificationStatus" }, orderBy: { at: "asc" } });
    expect(history.map((e) => [e.actor, e.oldValue, e.newValue])).toEqual([
      ["Erin Engineer", "not_created", "published"],
      ["Red Hat", "published", "tests_in_progress"],
    ]);
    const board = await getComponentBoard("operator", product);
    expect(board.redHat.conflicts).toEqual([expect.objectContaining({ field: "certificationStatus", personValue: "published", setBy: "Erin Engineer", redHatValue: "tests_in_progress" })]);
    // Red Hat changing its own value later is news, not a conflict.
    fake.setProject(OPERATOR, { project: project(OPERATOR, "Published", false) });
    await syncProduct({ productSlug: product, trigger: "person", actor: admin, tuning: FAST });
    expect((await getComponentBoard("operator", product)).redHat.conflicts).toHaveLength(1);

    // Set by hand again and overridden again: the newer conflict replaces the older one.
    const current = await component(product, "operator");
    await updateComponent({ productSlug: product, slug: "operator", patch: { version: current.version, certificationStatus: "in_progress" }, actor: { name: "Erin Engineer" } });
    await syncProduct({ productSlug: product, trigger: "person", actor: admin, tuning: FAST });
    const newer = (await getComponentBoard("operator", product)).redHat.conflicts;
    expect(newer).toEqual([expect.objectContaining({ personValue: "in_progress", redHatValue: "published" })]);

    await dismissConflict({ productSlug: product, slug: "operator", conflictId: newer[0]!.id, actor: { name: "Erin Engineer" } });
    expect((await getComponentBoard("operator", product)).redHat.conflicts).toEqual([]);
    await expect(dismissConflict({ productSlug: product, slug: "operator", conflictId: newer[0]!.id, actor: { name: "Erin Engineer" } })).rejects.toMatchObject({ code: "not_found" });
    await expect(dismissConflict({ productSlug: product, slug: "operator", conflictId: "not-a-uuid", actor: { name: "Erin Engineer" } })).rejects.toMatchObject({ code: "not_found" });
  });

  it("records a failing component and writes nothing for it, while the others sync", async () => {
    const cases: { name: string; script: Parameters<FakePyxis["script"]>[1] | null; message: RegExp }[] = [
      { name: "unknown project", script: null, message: new RegExp(`no certification project "${DRIVER}" \\(HTTP 404\\)`) },
      { name: "server error past the retries", script: { status: 500, times: 10 }, message: /HTTP 500/ },
      { name: "slow answer", script: { delayMs: 2_000, times: 5 }, message: /did not answer within/ },
      { name: "malformed JSON", script: { malformed: true, times: 5 }, message: /not the expected JSON/ },
    ];
    for (const c of cases) {
      const product = await connectedProduct();
      fake.setProject(OPERATOR, { project: project(OPERATOR, "In Progress", false) });
      fake.forget(DRIVER);
      if (c.script) {
        fake.setProject(DRIVER, { project: project(DRIVER, "Published", true), images: [image("dd", "amd64")] });
        fake.script(DRIVER, c.script);
      }
      const sync = await syncProduct({ productSlug: product, trigger: "person", actor: admin, now: NOW, tuning: FAST });
      expect(sync.outcome, c.name).toBe("partial");
      expect(sync.failures, c.name).toEqual([{ component: "driver", projectId: DRIVER, message: expect.stringMatching(c.message) }]);
      expect(await component(product, "driver"), c.name).toMatchObject({ certificationStatus: "not_created", hostAccess: "unprivileged", redHatSyncedAt: null });
      expect(await getDb().image.count({ where: { component: { product: { slug: product }, slug: "driver" } } }), c.name).toBe(0);
      expect((await component(product, "operator")).certificationStatus, c.name).toBe("in_progress");
    }
  });

  it("retries 429 with backoff and then applies the answer", async () => {
    const product = await connectedProduct();
    fake.setProject(OPERATOR, { project: project(OPERATOR, "In Progress", false) });
    fake.setProject(DRIVER, { project: project(DRIVER, "Published", false) });
    fake.script(OPERATOR, { status: 429, times: 2 });
    const sync = await syncProduct({ productSlug: product, trigger: "person", actor: admin, now: NOW, tuning: FAST });
    expect(sync).toMatchObject({ outcome: "ok", failures: [] });
    expect((await component(product, "operator")).certificationStatus).toBe("in_progress");
  });

  it("stops at a refused key, changes nothing, and never shows the key", async () => {
    const product = await connectedProduct();
    fake.setProject(OPERATOR, { project: project(OPERATOR, "In Progress", true) });
    fake.setProject(DRIVER, { project: project(DRIVER, "Published", false) });
    const wrong = `wrong-${randomUUID()}`;
    await setConnection(product, { url: fake.url, apiKey: wrong }, admin);
    const sync = await syncProduct({ productSlug: product, trigger: "person", actor: admin, now: NOW, tuning: FAST });
    expect(sync.outcome).toBe("failed");
    expect(sync.failures).toHaveLength(1);
    expect(sync.failures[0]!.message).toContain("refused");
    expect(fake.requests).toHaveLength(1);
    expect(await component(product, "operator")).toMatchObject({ certificationStatus: "not_created", redHatSyncedAt: null });
    const everything = JSON.stringify([sync, await listSyncs(product), await getConnectionView(product)]);
    expect(everything).not.toContain(wrong);
  });

  it("records a key this server cannot open (its secret key changed) as a failed sync, asks nothing, and says so on Test connection", async () => {
    const product = await connectedProduct();
    fake.setProject(OPERATOR, { project: project(OPERATOR, "In Progress", false) });
    await getDb().pyxisConnection.updateMany({ where: { product: { slug: product } }, data: { sealedKey: `v1:${Buffer.alloc(48, 7).toString("base64url")}` } });
    const sync = await syncProduct({ productSlug: product, trigger: "schedule", actor: { name: "schedule" }, now: NOW, tuning: FAST });
    expect(sync).toMatchObject({ outcome: "failed", changes: [], failures: [{ component: "connection", projectId: null, message: expect.stringContaining("CERTBOARD_SECRET_KEY") }] });
    expect(fake.requests).toHaveLength(0);
    expect(await testConnection(product)).toMatchObject({ ok: false, message: expect.stringContaining("Enter the API key again") });
  });

  it("applies an exported file exactly as an online sync, with no network", async () => {
    const product = await connectedProduct();
    fake.setProject(OPERATOR, { project: project(OPERATOR, "In Progress", true), images: [image("aa", "amd64", { grade: "C" })] });
    fake.setProject(DRIVER, { project: project(DRIVER, "Published", false) });
    const file = await exportSnapshots(product, FAST);
    expect(JSON.stringify(file)).not.toContain(KEY);
    expect(file.projects.map((p) => p.projectId).sort()).toEqual([OPERATOR, DRIVER].sort());
    // The catalog is now unreachable: the file alone is applied.
    fake.script(OPERATOR, { status: 500, times: 100 });
    fake.script(DRIVER, { status: 500, times: 100 });
    fake.requests.length = 0;
    const sync = await syncProduct({ productSlug: product, trigger: "file", actor: { name: "file export.json" }, from: file, now: NOW });
    expect(fake.requests).toHaveLength(0);
    expect(sync).toMatchObject({ outcome: "ok", trigger: "file" });
    expect(await component(product, "operator")).toMatchObject({ certificationStatus: "in_progress", hostAccess: "privileged" });
    const board = await getComponentBoard("operator", product);
    expect(board.redHat.images.map((i) => i.grade)).toEqual(["C"]);
  });
});
