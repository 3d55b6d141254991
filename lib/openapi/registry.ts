import { OpenAPIRegistry, type ResponseConfig, type RouteConfig } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { TOKEN_GRANTS, USER_GRANTS, type Permission } from "@/lib/auth/schema";
import { ERROR_STATUS, errorBodySchema, type ErrorCode } from "@/lib/errors";

// The API's description is registered here, one file per area (lib/openapi/<area>.ts), from the
// same zod schemas the route handlers parse with. `api.route({...})` is all a new route needs.

export type HttpMethod = "get" | "post" | "put" | "patch" | "delete";

type Body = { schema: z.ZodType; contentType?: string | string[]; description?: string };

type Answer = { description: string; schema?: z.ZodType; contentType?: string | string[]; headers?: Record<string, string> };

export type ApiRoute = {
  method: HttpMethod;
  /** OpenAPI form: `/api/v1/items/{key}` for app/api/v1/items/[key]/route.ts. */
  path: string;
  tag: string;
  summary: string;
  description: string;
  /** The permission the handler's route() names, or "public" for publicRoute() doors. */
  auth: Permission | "public";
  params?: z.ZodObject;
  query?: z.ZodObject;
  /** A JSON body schema, or another media type with its schema. */
  body?: z.ZodType | Body;
  /** Success answers by status. */
  responses: Partial<Record<number, Answer>>;
  /** Error codes beyond the ones every door may answer (see standardErrors). */
  errors?: ErrorCode[];
};

export const SESSION_SCHEME = "sessionCookie";
export const BEARER_SCHEME = "bearerToken";

const JSON_TYPE = "application/json";

const ERROR_TEXT: Record<ErrorCode, string> = {
  invalid: "a parameter or the body is not valid (`details` names the fields)",
  invalid_encoding: "text that is not valid UTF-8 or holds NUL characters",
  unauthenticated: "nobody is signed in, or the API token is invalid, expired or revoked",
  forbidden: "the caller's role or token may not do this (or a cookie write from another origin)",
  not_found: "the product or record does not exist, or the caller may not see it",
  conflict: "the record changed since it was read (stale `version`) or already exists",
  image_mismatch: "the component is registered for another image repository",
  too_large: "the request body is larger than the door accepts",
  unsupported_media_type: "the Content-Type is not one this door reads",
  not_markdown: "the text is not markdown the parser reads in reasonable time",
  no_items: "the document holds no backlog items",
  empty_results: "a results file is empty (an interrupted preflight run)",
  not_preflight: "the file is not preflight output",
  rate_limited: "too many attempts: wait `Retry-After` seconds",
  unavailable: "the database is not reachable; try again shortly",
  internal: "an unexpected error, with a log id to quote",
};

/** Who holds a permission, in words for the operation's description. */
function holders(permission: Permission): string {
  const roles = Object.entries(USER_GRANTS).filter(([, grants]) => grants.includes(permission)).map(([role]) => role);
  const tokens = Object.entries(TOKEN_GRANTS).filter(([, grants]) => grants.includes(permission)).map(([role]) => role);
  return `Permission \`${permission}\`: ${roles.join(", ")}${tokens.length ? `; tokens: ${tokens.join(", ")}` : "; no token may"}.`;
}

function tokensMay(permission: Permission): boolean {
  return Object.values(TOKEN_GRANTS).some((grants) => grants.includes(permission));
}

function standardErrors(route: ApiRoute): ErrorCode[] {
  const codes: ErrorCode[] = ["unavailable", "internal"];
  if (route.auth !== "public") codes.push("unauthenticated", "forbidden", "rate_limited");
  if (route.params || route.query || route.body) codes.push("invalid", "invalid_encoding");
  if (route.body) codes.push("unsupported_media_type", "too_large");
  return codes;
}

function errorResponses(codes: ErrorCode[]): Record<number, ResponseConfig> {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of new Set(codes)) byStatus.set(ERROR_STATUS[code], [...(byStatus.get(ERROR_STATUS[code]) ?? []), code]);
  const out: Record<number, ResponseConfig> = {};
  for (const [status, list] of [...byStatus].sort(([a], [b]) => a - b)) {
    out[status] = {
      description: list.map((code) => `\`${code}\`: ${ERROR_TEXT[code]}`).join("; "),
      content: { [JSON_TYPE]: { schema: errorBodySchema } },
      ...(status === 429 && { headers: { "Retry-After": { description: "Seconds to wait before trying again.", schema: { type: "integer" } } } }),
      ...(status === 401 && { headers: { "WWW-Authenticate": { description: 'Bearer realm="certboard"', schema: { type: "string" } } } }),
    };
  }
  return out;
}

function successResponse(answer: Answer): ResponseConfig {
  return {
    description: answer.description,
    ...(answer.schema && { content: Object.fromEntries([answer.contentType ?? JSON_TYPE].flat().map((type) => [type, { schema: answer.schema! }])) }),
    ...(answer.headers && {
      headers: Object.fromEntries(Object.entries(answer.headers).map(([name, description]) => [name, { description, schema: { type: "string" as const } }])),
    }),
  };
}

/** The registry the area files fill; build the document with `buildOpenApiDocument()`. */
export class Api {
  readonly registry = new OpenAPIRegistry();
  readonly routes: ApiRoute[] = [];

  constructor() {
    this.registry.registerComponent("securitySchemes", SESSION_SCHEME, {
      type: "apiKey",
      in: "cookie",
      name: "certboard.session_token",
      description: "The session cookie set by signing in (`POST /api/auth/sign-in/email`); `__Secure-certboard.session_token` over HTTPS. Writes with a cookie must come from Certboard's own pages (Origin check).",
    });
    this.registry.registerComponent("securitySchemes", BEARER_SCHEME, {
      type: "http",
      scheme: "bearer",
      description: "An API token (create one in /settings/tokens, with `POST /api/v1/tokens` or `certboard token create`), sent as `Authorization: Bearer <token>`.",
    });
  }

  route(route: ApiRoute): void {
    this.routes.push(route);
    const body: Body | undefined = route.body === undefined ? undefined : route.body instanceof z.ZodType ? { schema: route.body } : route.body;
    const security: Record<string, string[]>[] =
      route.auth === "public" ? [] : [{ [SESSION_SCHEME]: [] }, ...(tokensMay(route.auth) ? [{ [BEARER_SCHEME]: [] }] : [])];
    const config: RouteConfig = {
      method: route.method,
      path: route.path,
      tags: [route.tag],
      summary: route.summary,
      description: route.auth === "public" ? `${route.description}\n\nPublic: no sign-in needed.` : `${route.description}\n\n${holders(route.auth)}`,
      security,
      request: {
        ...(route.params && { params: route.params }),
        ...(route.query && { query: route.query }),
        ...(body && {
          body: {
            required: true,
            description: body.description,
            content: Object.fromEntries([body.contentType ?? JSON_TYPE].flat().map((type) => [type, { schema: body.schema }])),
          },
        }),
      },
      responses: {
        ...Object.fromEntries(Object.entries(route.responses).map(([status, answer]) => [status, successResponse(answer!)])),
        ...errorResponses([...standardErrors(route), ...(route.errors ?? [])]),
      },
    };
    this.registry.registerPath(config);
  }
}

/** Path parameters are plain strings in the URL; these name them once for every area. */
export const pathParams = {
  slug: z.object({ slug: z.string().max(100).meta({ description: "The component's or product's slug." }) }),
  key: z.object({ key: z.string().max(100).meta({ description: "The item's or phase's key, e.g. `P0-1` or `phase-1`." }) }),
  id: (what: string) => z.object({ id: z.uuid().meta({ description: `The ${what}'s id.` }) }),
};

export { JSON_TYPE };
