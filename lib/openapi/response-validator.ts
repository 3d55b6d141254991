import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import type { OpenApiDocument } from "@/lib/openapi/document";

// Checks a real answer against the document: the operation for the method and path, the status,
// the media type and (for JSON) the body's schema. Used by the integration tier (tests/openapi-http.ts),
// so every answer a test sees is one the document describes. Test support: it needs ajv (a dev dependency).

type Operation = { responses?: Record<string, { content?: Record<string, { schema?: object }> }> };
type Template = { path: string; pattern: RegExp; params: number; item: Record<string, Operation | undefined> };

export type Answer = { method: string; pathname: string; status: number; contentType: string | null; body?: unknown };

export class ResponseValidator {
  private readonly ajv = new Ajv2020({ strict: false, allErrors: true });
  private readonly templates: Template[];
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(private readonly document: OpenApiDocument) {
    addFormats(this.ajv);
    this.templates = Object.entries(document.paths ?? {})
      .map(([path, item]) => {
        const params = (path.match(/\{[^}]+\}/g) ?? []).length;
        // `{all}` is a catch-all ([...all]); other parameters are one segment.
        const source = path
          .split(/(\{[^}]+\})/)
          .map((part) => (part === "{all}" ? ".+" : part.startsWith("{") ? "[^/]+" : part.replace(/[.*+?^$()|[\]\\]/g, "\\$&")))
          .join("");
        return { path, pattern: new RegExp(`^${source}$`), params, item: item as Template["item"] };
      })
      // Literal segments win over parameters: /preflight/runs/compare before /preflight/runs/{id}.
      .sort((a, b) => a.params - b.params);
  }

  /** The documented path (`/api/v1/items/{key}`) serving `method pathname`, or null. */
  operationPath(method: string, pathname: string): string | null {
    const lower = method.toLowerCase();
    return this.templates.find((t) => t.pattern.test(pathname) && t.item[lower])?.path ?? null;
  }

  /** Problems with an answer, in words naming the path, status and schema error; empty when it is documented. */
  problems(answer: Answer): string[] {
    const where = `${answer.method} ${answer.pathname} → ${answer.status}`;
    const path = this.operationPath(answer.method, answer.pathname);
    if (!path) return [`${where}: the OpenAPI document has no operation for this method and path (register it in lib/openapi/<area>.ts)`];
    const operation = this.templates.find((t) => t.path === path)!.item[answer.method.toLowerCase()]!;
    const response = operation.responses?.[String(answer.status)];
    if (!response) {
      return [`${where}: status ${answer.status} is not documented for ${answer.method} ${path} (documented: ${Object.keys(operation.responses ?? {}).join(", ")})`];
    }
    const documented = Object.keys(response.content ?? {});
    const type = (answer.contentType ?? "").split(";")[0]!.trim().toLowerCase();
    if (documented.length === 0) return type && answer.body !== undefined && answer.body !== "" ? [`${where}: documented without a body, but answered ${type}`] : [];
    const entry = Object.entries(response.content ?? {}).find(([name]) => name === type);
    if (!entry) return [`${where}: answered ${type || "no Content-Type"}, documented ${documented.join(" or ")}`];
    if (type !== "application/json") return [];
    const validate = this.validator(`${answer.method} ${path} ${answer.status}`, entry[1].schema ?? {});
    if (validate(answer.body)) return [];
    return (validate.errors ?? []).map((e) => `${where}: body${e.instancePath || ""} ${e.message ?? "is invalid"}${e.params ? ` ${JSON.stringify(e.params)}` : ""} (documented as ${path})`);
  }

  private validator(key: string, schema: object): ValidateFunction {
    let validate = this.compiled.get(key);
    if (!validate) {
      // `#/components/...` references resolve against this root, which carries the document's components.
      validate = this.ajv.compile({ ...schema, components: this.document.components });
      this.compiled.set(key, validate);
    }
    return validate;
  }
}
