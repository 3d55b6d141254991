// Search through the real route handler on PostgreSQL (with its trigram indexes): exact keys first,
// titles by their words, runs by digest prefix, components by image, requirements by code, and a
// restricted product's items invisible to people who are not its members.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as searchRoute } from "@/app/api/v1/search/route";
import { importBacklog } from "@/lib/backlog/mutations";
import { getDb } from "@/lib/db";
import { syncRequirementCatalog } from "@/lib/requirements/mutations";
import type { SearchResponse, SearchResult } from "@/lib/search/schema";
import { createSignedInUser, disconnectDb, request, type TestUser } from "@/tests/auth";

const NO_PARAMS = { params: Promise.resolve({}) };
const DOCUMENT = [
  "# Search test backlog",
  "",
  "## 🔴 CRITICAL BLOCKERS",
  "",
  "### P0-10: Tenth thing",
  "**Status:** ❌ NOT STARTED",
  "",
  "### P0-1: First thing mentions nothing",
  "**Status:** ❌ NOT STARTED",
  "",
  "### P0-11: Rebuild the driver image on UBI 9",
  "**Status:** ❌ NOT STARTED",
  "",
  "### P0-12: Driver documentation",
  "**Status:** ❌ NOT STARTED",
  "",
].join("\n");

let viewer: TestUser;
let admin: TestUser;
let product = "";
let productId = "";

afterAll(disconnectDb);

beforeAll(async () => {
  await getDb().$transaction((tx) => syncRequirementCatalog(tx));
  [viewer, admin] = await Promise.all([createSignedInUser("viewer"), createSignedInUser("admin")]);
  product = await newProduct("search");
  productId = (await getDb().product.findUniqueOrThrow({ where: { slug: product } })).id;
});

async function newProduct(prefix: string, document = DOCUMENT): Promise<string> {
  const slug = `${prefix}-${randomUUID().slice(0, 8)}`;
  await importBacklog({ document, productSlug: slug, actor: { kind: "import", name: "import" } });
  return slug;
}

async function search(query: string, who: TestUser = viewer): Promise<Response> {
  return searchRoute(request(`/api/v1/search?${query}`, { as: { cookie: who.cookie } }), NO_PARAMS);
}

async function results(slug: string, q: string, who: TestUser = viewer): Promise<SearchResult[]> {
  const response = await search(`product=${slug}&q=${encodeURIComponent(q)}`, who);
  expect(response.status, await response.clone().text()).toBe(200);
  return ((await response.json()) as SearchResponse).results;
}

/** A stored run of a component, as ingestion would leave it (only what search reads matters here). */
async function insertRun(componentId: string, imageRef: string, digest: string) {
  return getDb().preflightRun.create({
    data: {
      productId,
      componentId,
      imageRef,
      imageRefNormalized: imageRef,
      imageTag: imageRef.split(":").pop()!,
      imageDigest: `sha256:${digest}`,
      architecture: "amd64",
      kind: "container",
      preflightVersion: "1.16.0",
      passed: true,
      passedCount: 10,
      failedCount: 0,
      errorCount: 0,
      warningCount: 0,
      diff: {},
      contentSha256: randomUUID().replace(/-/g, ""),
      original: Buffer.from("{}"),
      actor: "test",
    },
  });
}

describe("GET /api/v1/search", () => {
  it("puts the exact key first, then keys that start with it", async () => {
    const found = await results(product, "p0-1");
    expect(found[0]).toEqual({
      kind: "item",
      id: expect.any(String),
      title: "P0-1 · First thing mentions nothing",
      subtitle: "Critical blocker · Not started",
      href: `/items/P0-1?product=${product}`,
    });
    expect(found.slice(1, 4).map((r) => r.title.split(" · ")[0]).sort()).toEqual(["P0-10", "P0-11", "P0-12"]);
  });

  it("finds an item by the words of its title, in any order and case, despite a typo, and needs all of them", async () => {
    const found = await results(product, "ubi DRIVER");
    expect(found.filter((r) => r.kind === "item").map((r) => r.title)).toEqual(["P0-11 · Rebuild the driver image on UBI 9"]);
    const driver = await results(product, "driver");
    expect(driver.filter((r) => r.kind === "item").map((r) => r.title.split(" · ")[0]).sort()).toEqual(["P0-11", "P0-12"]);
    // A typo in a longer word still finds it (trigram word similarity).
    const typo = await results(product, "drivr ubi");
    expect(typo.filter((r) => r.kind === "item").map((r) => r.title.split(" · ")[0])).toEqual(["P0-11"]);
  });

  it("matches each word in any of an item's key, title, description and source, never across two of them", async () => {
    const slug = await newProduct(
      "search-fields",
      ["# Fields", "", "## 🔴 CRITICAL BLOCKERS", "", "### P0-20: Rotate signing keys", "**Status:** ❌ NOT STARTED", "**Source:** Vault audit", "", "Found in the quarterly review.", ""].join("\n"),
    );
    const keys = async (q: string) => (await results(slug, q)).filter((r) => r.kind === "item").map((r) => r.title.split(" · ")[0]);
    expect(await keys("P0-20 rotate VAULT quarterly")).toEqual(["P0-20"]);
    // The title ends in "keys" and the description starts with "Found": no item holds "keysfound" or "keys found" as one word.
    expect(await keys("keysfound")).toEqual([]);
  });

  it("finds a near miss while few items hold the words as typed, and never lets it crowd out those that do", async () => {
    // "Gadgt" is a product's real name in these titles; one item writes "Gadget", a near miss of it.
    const items = (n: number) => Array.from({ length: n }, (_, i) => [`### P1-${i + 1}: Gadgt polish ${i + 1}`, "**Status:** ❌ NOT STARTED", ""]).flat();
    const document = (n: number) => ["# Near misses", "", "## 🟡 NEEDS VERIFICATION", "", ...items(n), "### P1-99: Gadget polish", "**Status:** ❌ NOT STARTED", ""].join("\n");
    const keys = async (slug: string, q: string) => (await results(slug, q)).filter((r) => r.kind === "item").map((r) => r.title.split(" · ")[0]);
    // Three items hold "gadgt" as typed: the near miss is found as well.
    const few = await newProduct("search-few", document(3));
    expect((await keys(few, "gadgt")).sort()).toEqual(["P1-1", "P1-2", "P1-3", "P1-99"]);
    // Thirty hold it: they fill the answer (the near miss is not even looked for then).
    const many = await newProduct("search-many", document(30));
    const found = await keys(many, "gadgt");
    expect(found).toHaveLength(8);
    expect(found).not.toContain("P1-99");
  });

  it("finds a component by its image and a run by a digest prefix, with or without sha256:", async () => {
    const tag = randomUUID().slice(0, 6);
    const repository = `acme-${tag}/widget-operator`;
    const component = await getDb().component.create({
      data: { productId, slug: `widget-${tag}`, name: `Widget operator ${tag}`, registry: "quay.io", repository, imageRef: `quay.io/${repository}` },
    });
    const digest = randomUUID().replace(/-/g, "") + randomUUID().replace(/-/g, "");
    const run = await insertRun(component.id, `quay.io/${repository}:v9.9.${tag.length}`, digest);

    const byImage = await results(product, `${repository}`);
    expect(byImage.find((r) => r.kind === "component")).toEqual({
      kind: "component",
      id: component.id,
      title: `Widget operator ${tag}`,
      subtitle: `quay.io/${repository}`,
      href: `/components/widget-${tag}?product=${product}`,
    });

    for (const q of [digest.slice(0, 8), `sha256:${digest.slice(0, 12).toUpperCase()}`]) {
      const byDigest = await results(product, q);
      expect(byDigest[0], q).toMatchObject({ kind: "run", id: run.id, href: `/runs/${run.id}`, title: `Widget operator ${tag} v9.9.6 (amd64)` });
      expect(byDigest[0]!.subtitle).toContain(`sha256:${digest.slice(0, 12)}`);
    }
    // A tag finds the run too; a prefix of another digest finds nothing.
    expect((await results(product, "v9.9.6")).some((r) => r.kind === "run" && r.id === run.id)).toBe(true);
    expect((await results(product, "sha256:ffff0000ffff")).filter((r) => r.kind === "run")).toEqual([]);
  });

  it("finds a requirement by its code, exact code first", async () => {
    const fresh = await newProduct("req");
    const found = await results(fresh, "ctr-10");
    expect(found[0]).toMatchObject({ kind: "requirement", id: "CTR-10", title: "CTR-10 · Image runs as a non-root user" });
    // No container component yet: the overview's "what remains" answers for it.
    expect(found[0]!.href).toBe(`/?product=${fresh}#what-remains`);
    const listing = await results(fresh, "PRD-01");
    expect(listing[0]).toMatchObject({ kind: "requirement", id: "PRD-01", href: `/?product=${fresh}#listing-requirements` });
    // Once there is a container image, its board (where the requirement's evidence is) answers.
    const { id } = await getDb().product.findUniqueOrThrow({ where: { slug: fresh } });
    await getDb().component.create({ data: { productId: id, slug: "agent", name: "Agent image" } });
    expect((await results(fresh, "CTR-10"))[0]!.href).toBe(`/components/agent?product=${fresh}`);
  });

  it("treats LIKE wildcards as text", async () => {
    expect(await results(product, "%")).toEqual([]);
    expect(await results(product, "_ _")).toEqual([]);
  });

  it("never shows a restricted product's items to someone who is not a member", async () => {
    const marker = `zebracorn${randomUUID().slice(0, 6)}`;
    const secret = await newProduct("secret", DOCUMENT.replace("Tenth thing", `Tenth thing ${marker}`));
    await getDb().product.update({ where: { slug: secret }, data: { restricted: true } });

    const refused = await search(`product=${secret}&q=${marker}`);
    expect(refused.status).toBe(404);
    expect(JSON.stringify(await refused.json())).not.toContain(marker);
    // Nor through a product the viewer does see.
    expect(await results(product, marker)).toEqual([]);
    // An admin sees every product: the item is there, so the refusal above was about access.
    expect((await results(secret, marker, admin)).map((r) => r.title)).toEqual([`P0-10 · Tenth thing ${marker}`]);
  });

  it("answers 400 without q, with only spaces, or with more than 200 characters", async () => {
    for (const query of [`product=${product}`, `product=${product}&q=`, `product=${product}&q=%20%20`, `product=${product}&q=${"a".repeat(201)}`]) {
      const response = await search(query);
      expect(response.status, query).toBe(400);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe("invalid");
    }
  });
});
