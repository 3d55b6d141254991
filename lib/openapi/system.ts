import { z } from "zod";
import { type Api } from "@/lib/openapi/registry";

const tag = "System";

export function registerSystemRoutes(api: Api): void {
  api.route({
    method: "get",
    path: "/api/health",
    tag,
    summary: "Health check",
    description: "200 when the database answers, else 503. For load balancers and monitoring.",
    auth: "public",
    responses: { 200: { description: "The server and its database are up.", schema: z.object({ status: z.literal("ok") }) } },
  });
  api.route({
    method: "get",
    path: "/api/v1/openapi.json",
    tag,
    summary: "This API description",
    description: "The OpenAPI 3.1 document of every route, generated from the schemas the routes validate with. Cacheable; the reference page is /api/docs.",
    auth: "public",
    responses: { 200: { description: "The OpenAPI document.", schema: z.looseObject({ openapi: z.string(), info: z.looseObject({ version: z.string() }), paths: z.record(z.string(), z.unknown()) }) } },
  });
  for (const method of ["get", "post"] as const) {
    api.route({
      method,
      path: "/api/auth/{all}",
      tag,
      summary: method === "get" ? "Sign-in session and callbacks (better-auth)" : "Sign in and out (better-auth)",
      description:
        method === "get"
          ? "better-auth's own GET endpoints, e.g. `get-session` and the OIDC/GitHub callbacks. Their answers are better-auth's, not this API's error contract."
          : "better-auth's own POST endpoints: `sign-in/email` (`{ email, password }`, sets the session cookie), `sign-out`, and the OIDC/GitHub sign-in starts. Bodies over 64 KiB, nesting deeper than 32 or holding NUL characters are refused first with this API's error contract. Sign-in is rate limited per client address and slowed per account.",
      auth: "public",
      params: z.object({ all: z.string().meta({ description: "The better-auth endpoint path, e.g. `sign-in/email`." }) }),
      ...(method === "post" && { body: z.record(z.string(), z.unknown()) }),
      responses: { 200: { description: "better-auth's answer.", schema: z.record(z.string(), z.unknown()) } },
      errors: ["rate_limited", "unauthenticated", "forbidden"],
    });
  }
}
