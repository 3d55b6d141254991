import { z } from "zod";
import { type Api } from "@/lib/openapi/registry";

const tag = "System";

export function registerSystemRoutes(api: Api): void {
  const processSchema = z.object({
    pid: z.number().int().meta({ description: "The answering server process." }),
    worker: z.number().int().meta({ description: "Its cluster worker id (`CERTBOARD_WORKERS` > 1; a restarted worker gets a new one), or 0 when the server is one process." }),
  });
  api.route({
    method: "get",
    path: "/api/health",
    tag,
    summary: "Health and readiness",
    description:
      "Liveness: 200 when the database answers, else 503. With `?ready=1` (readiness, for load balancers and Kubernetes): 200 only when the database answers and every migration this build ships (prisma/migrations) is applied; else 503 naming the pending migrations in `error.details.pendingMigrations`. Either way `process` names the server process that answered.",
    auth: "public",
    query: z.object({ ready: z.enum(["1", "true"]).optional().meta({ description: "Ask for readiness: migrations applied too." }) }),
    responses: {
      200: { description: "The server and its database are up (and, with `ready`, migrated).", schema: z.object({ status: z.literal("ok"), process: processSchema }) },
      503: {
        description: "The database is not reachable, or (with `ready`) migrations are pending.",
        schema: z.object({
          status: z.literal("unavailable"),
          process: processSchema,
          error: z.object({ code: z.literal("unavailable"), message: z.string(), details: z.object({ pendingMigrations: z.array(z.string()) }).optional() }),
        }),
      },
    },
  });
  api.route({
    method: "get",
    path: "/api/metrics",
    tag,
    summary: "Metrics (Prometheus)",
    description:
      "The whole server's metrics in Prometheus' text format, every worker process merged: `certboard_http_request_duration_seconds` (histogram by route template, method, status), `certboard_preflight_uploads_total` (by outcome: created, duplicate, refused, error), `certboard_db_pool_connections` (by state), `certboard_queue_depth` (outbox, deliveries), and Node's process metrics. With `CERTBOARD_METRICS_TOKEN` set, send `Authorization: Bearer <token>`; without it only requests from the server's own machine are answered.",
    auth: "public",
    responses: { 200: { description: "The metrics.", contentType: "text/plain", schema: z.string() } },
    errors: ["unauthenticated", "forbidden"],
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
