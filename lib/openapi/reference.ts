// The reference page's reading of the OpenAPI document (/api/docs): operations grouped by tag,
// schemas as trees a person can read, and an example for each JSON body. Pure: no React, no I/O.

export type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  additionalProperties?: boolean | JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  default?: unknown;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minLength?: number;
  maxLength?: number;
  maxItems?: number;
  pattern?: string;
};

type Parameter = { name: string; in: string; required?: boolean; description?: string; schema?: JsonSchema };
type Media = Record<string, { schema?: JsonSchema }>;
type Operation = {
  tags?: string[];
  summary?: string;
  description?: string;
  security?: Record<string, string[]>[];
  parameters?: Parameter[];
  requestBody?: { description?: string; content?: Media };
  responses?: Record<string, { description?: string; content?: Media }>;
};
export type ReferenceDocument = {
  info: { title: string; version: string; description?: string };
  paths?: Record<string, Record<string, unknown> | undefined>;
  components?: { schemas?: Record<string, unknown>; securitySchemes?: Record<string, unknown> };
};

export type Body = { types: string[]; schema: JsonSchema | null; example: string | null };
export type ReferenceOperation = {
  id: string;
  method: string;
  path: string;
  summary: string;
  description: string;
  /** Empty: public. Otherwise the schemes any one of which authenticates. */
  auth: string[];
  parameters: { name: string; in: string; required: boolean; description: string; type: string }[];
  body: (Body & { description: string }) | null;
  responses: (Body & { status: string; description: string })[];
};
export type ReferenceTag = { name: string; operations: ReferenceOperation[] };

const METHODS = ["get", "post", "put", "patch", "delete"];

/** `#/components/schemas/ItemSummary` → `ItemSummary`. */
export function refName(ref: string): string {
  return ref.split("/").pop() ?? ref;
}

/** An anchor id for an operation or a schema, safe in a URL fragment. */
export function anchor(...parts: string[]): string {
  return parts
    .join("-")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/** A one-line type: `string (date-time)`, `integer`, `"a" | "b"`, `array of ItemSummary`, `… or null`. */
export function typeText(schema: JsonSchema | undefined): string {
  if (!schema) return "any";
  if (schema.$ref) return refName(schema.$ref);
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (schema.enum) return schema.enum.map((value) => JSON.stringify(value)).join(" | ");
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) return variants.map(typeText).join(" or ");
  if (schema.allOf) return schema.allOf.map(typeText).join(" and ");
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (types.length === 0) return "any";
  return types
    .map((type) => {
      if (type === "array") return `array of ${typeText(schema.items)}`;
      if (type === "object" && !schema.properties && typeof schema.additionalProperties === "object") return `map of ${typeText(schema.additionalProperties)}`;
      return schema.format && type !== "null" ? `${type} (${schema.format})` : type;
    })
    .join(" or ");
}

function resolve(schema: JsonSchema, schemas: Record<string, unknown>): JsonSchema {
  return schema.$ref ? ((schemas[refName(schema.$ref)] as JsonSchema | undefined) ?? {}) : schema;
}

/** A plausible value of a schema, for the examples; references are followed a few levels deep. */
export function exampleOf(schema: JsonSchema | undefined, schemas: Record<string, unknown>, depth = 0): unknown {
  if (!schema || depth > 6) return null;
  const own = resolve(schema, schemas);
  if (own.default !== undefined) return own.default;
  if (own.const !== undefined) return own.const;
  if (own.enum) return own.enum.find((value) => value !== null) ?? null;
  const variant = (own.oneOf ?? own.anyOf)?.[0];
  if (variant) return exampleOf(variant, schemas, depth + 1);
  const type = (Array.isArray(own.type) ? own.type.find((t) => t !== "null") : own.type) ?? (own.properties ? "object" : undefined);
  switch (type) {
    case "object": {
      if (!own.properties) return {};
      return Object.fromEntries(Object.entries(own.properties).map(([name, child]) => [name, exampleOf(child, schemas, depth + 1)]));
    }
    case "array":
      return [exampleOf(own.items, schemas, depth + 1)];
    case "integer":
      return Math.max(1, own.minimum ?? 1);
    case "number":
      return 1.5;
    case "boolean":
      return true;
    case "string":
      return stringExample(own);
    default:
      return null;
  }
}

function stringExample(schema: JsonSchema): string {
  if (schema.format === "date-time") return "2026-01-31T09:30:00.000Z";
  if (schema.format === "date") return "2026-01-31";
  if (schema.format === "uuid") return "3f2b9c1e-8a4d-4c6b-9f0e-2d7a5b1c4e8f";
  if (schema.format === "email") return "alice@example.com";
  if (schema.format === "uri" || schema.format === "url") return "https://example.com/";
  return "string";
}

function bodyOf(content: Media | undefined, schemas: Record<string, unknown>): Body {
  const types = Object.keys(content ?? {});
  const json = content?.["application/json"]?.schema;
  const schema = json ?? (types[0] ? (content?.[types[0]]?.schema ?? null) : null);
  return { types, schema, example: json ? JSON.stringify(exampleOf(json, schemas), null, 2) : null };
}

/** The document's operations by tag, in the order the tags first appear; methods in a fixed order. */
export function referenceTags(document: ReferenceDocument): ReferenceTag[] {
  const schemas = document.components?.schemas ?? {};
  const tags = new Map<string, ReferenceOperation[]>();
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const method of METHODS) {
      const operation = item?.[method] as Operation | undefined;
      if (!operation) continue;
      const tag = operation.tags?.[0] ?? "Other";
      const entry: ReferenceOperation = {
        id: anchor(method, path),
        method: method.toUpperCase(),
        path,
        summary: operation.summary ?? "",
        description: operation.description ?? "",
        auth: (operation.security ?? []).flatMap((requirement) => Object.keys(requirement)),
        parameters: (operation.parameters ?? []).map((p) => ({
          name: p.name,
          in: p.in,
          required: p.required ?? false,
          description: p.description ?? p.schema?.description ?? "",
          type: typeText(p.schema),
        })),
        body: operation.requestBody ? { ...bodyOf(operation.requestBody.content, schemas), description: operation.requestBody.description ?? "" } : null,
        responses: Object.entries(operation.responses ?? {}).map(([status, response]) => ({
          status,
          description: response.description ?? "",
          ...bodyOf(response.content, schemas),
        })),
      };
      tags.set(tag, [...(tags.get(tag) ?? []), entry]);
    }
  }
  return [...tags].map(([name, operations]) => ({ name, operations }));
}
