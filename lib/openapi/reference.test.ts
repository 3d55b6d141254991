import { describe, expect, it } from "vitest";
import { getOpenApiDocument } from "@/lib/openapi/document";
import { anchor, exampleOf, referenceTags, typeText, type ReferenceDocument } from "@/lib/openapi/reference";

const document = getOpenApiDocument() as ReferenceDocument;
const schemas = document.components?.schemas ?? {};

describe("the API reference's reading of the document", () => {
  const tags = referenceTags(document);
  const all = tags.flatMap((tag) => tag.operations);

  it("groups every operation under its tag, each once", () => {
    const count = Object.values(document.paths ?? {}).reduce((n, item) => n + Object.keys(item ?? {}).filter((k) => ["get", "post", "put", "patch", "delete"].includes(k)).length, 0);
    expect(all).toHaveLength(count);
    expect(new Set(all.map((o) => o.id)).size).toBe(count);
    expect(tags.map((t) => t.name)).toContain("Items");
  });

  it("shows an operation's parameters, body, answers and who may call it", () => {
    const patch = all.find((o) => o.method === "PATCH" && o.path === "/api/v1/items/{key}")!;
    expect(patch.id).toBe("patch-api-v1-items-key");
    expect(patch.parameters).toContainEqual(expect.objectContaining({ name: "key", in: "path", required: true }));
    expect(patch.auth).toEqual(["sessionCookie", "bearerToken"]);
    expect(patch.body?.types).toEqual(["application/json"]);
    expect(JSON.parse(patch.body!.example!)).toMatchObject({ version: 1 });
    expect(patch.responses.map((r) => r.status)).toEqual(expect.arrayContaining(["200", "400", "401", "403", "404", "409"]));
    expect(all.find((o) => o.path === "/api/health")!.auth).toEqual([]);
    expect(all.find((o) => o.path === "/api/v1/users" && o.method === "GET")!.auth).toEqual(["sessionCookie"]);
  });

  it("writes types and examples a person can read", () => {
    expect(typeText({ type: ["string", "null"], format: "date-time" })).toBe("string (date-time) or null");
    expect(typeText({ type: "array", items: { $ref: "#/components/schemas/ItemSummary" } })).toBe("array of ItemSummary");
    expect(typeText({ enum: ["a", "b"] })).toBe('"a" | "b"');
    const item = exampleOf({ $ref: "#/components/schemas/ItemSummary" }, schemas) as Record<string, unknown>;
    expect(item).toMatchObject({ key: "string", category: "critical_blocker", updatedAt: "2026-01-31T09:30:00.000Z" });
    expect(anchor("schema", "ItemSummary")).toBe("schema-itemsummary");
  });
});
