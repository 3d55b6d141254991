import { z } from "zod";
import { productQuerySchema } from "@/lib/backlog/schema";
import { forecastQuerySchema, forecastSchema } from "@/lib/forecast/schema";
import { type Api } from "@/lib/openapi/registry";
import { eventFeedSchema, eventQuerySchema, reportQuerySchema } from "@/lib/overview/schema";
import { readinessSchema } from "@/lib/readiness/schema";
import { searchQuerySchema, searchResponseSchema } from "@/lib/search/schema";

const tag = "Status";

export function registerInsightRoutes(api: Api): void {
  api.route({
    method: "get",
    path: "/api/v1/events",
    tag,
    summary: "What changed",
    description:
      "Events newest first. `kind` is `status`, `failure`, `regression`, `verification`, `import` or `certification` (a component's certification status, changed by a person or by Red Hat's catalog; several comma-separated); `since` is an ISO 8601 date or zoned date-time (default: 7 days ago); `limit` defaults to 100 (max 500).",
    auth: "read",
    query: eventQuerySchema,
    responses: { 200: { description: "`{ product, since, events, truncated }`.", schema: eventFeedSchema } },
    errors: ["not_found"],
  });
  api.route({
    method: "get",
    path: "/api/v1/report",
    tag,
    summary: "Status report",
    description: "The status report as a markdown attachment: summary counts, phases with progress, open critical blockers, what changed in the last 7 days.",
    auth: "read",
    query: reportQuerySchema,
    responses: {
      200: { description: "`text/markdown`, `Content-Disposition: attachment; filename=\"SLUG-status-DATE.md\"`.", contentType: "text/markdown", schema: z.string() },
    },
    errors: ["not_found"],
  });
  api.route({
    method: "get",
    path: "/api/v1/forecast",
    tag,
    summary: "Forecast",
    description:
      "Will the product (or the phase `phase`) make its target date, as of now: the status, one sentence, the projected days (p50/p85) from the team's pace or the remaining effort, and the reasons. 404 for an unknown phase.",
    auth: "read",
    query: forecastQuerySchema,
    responses: { 200: { description: "The forecast.", schema: forecastSchema } },
    errors: ["not_found"],
  });
  api.route({
    method: "get",
    path: "/api/v1/readiness",
    tag,
    summary: "Readiness to be listed",
    description: "What remains before the product is listed in Red Hat's catalog, per component and for the listing itself; `listed` is true when nothing remains anywhere.",
    auth: "read",
    query: productQuerySchema,
    responses: { 200: { description: "The readiness.", schema: readinessSchema } },
    errors: ["not_found"],
  });
  api.route({
    method: "get",
    path: "/api/v1/search",
    tag,
    summary: "Search a product",
    description:
      "Items, components, runs, phases and requirements matching `q` (1–200 characters), ranked: exact key or code first, then prefixes, word starts and similarity; at most 8 of each kind. `href` is the page that shows it.",
    auth: "read",
    query: searchQuerySchema,
    responses: { 200: { description: "`{ results }`.", schema: searchResponseSchema } },
    errors: ["not_found"],
  });
  api.route({
    method: "get",
    path: "/api/v1/stream",
    tag,
    summary: "Live changes (server-sent events)",
    description:
      "Send `Accept: text/event-stream` (else 400). `event: status` with `{\"live\": bool}` first and whenever the server's database listener drops or recovers, `event: change` with `{ table, op, key }` for each committed change of the product, and a `: ping` comment every 25 s. The server ends a stream after 10 minutes; EventSource reconnects by itself.",
    auth: "read",
    query: productQuerySchema,
    responses: { 200: { description: "An endless `text/event-stream`.", contentType: "text/event-stream", schema: z.string() } },
    errors: ["not_found"],
  });
}
