import { z } from "zod";
import { backlogSummarySchema, exportQuerySchema, importQuerySchema, importResultSchema, productQuerySchema } from "@/lib/backlog/schema";
import { type Api } from "@/lib/openapi/registry";

const tag = "Backlog";

export function registerBacklogRoutes(api: Api): void {
  api.route({
    method: "post",
    path: "/api/v1/backlog/import",
    tag,
    summary: "Import a backlog document",
    description:
      "The markdown backlog (max 2 MiB) creates and updates items, phases and components; a product that does not exist yet is created. `dryRun=true` runs the whole import and rolls it back: the same report, nothing written.",
    auth: "import_backlog",
    query: importQuerySchema,
    body: { contentType: ["text/markdown", "text/x-markdown", "text/plain"], schema: z.string(), description: "The backlog document (`text/markdown`, `text/x-markdown` or `text/plain`)." },
    responses: {
      200: { description: "Nothing created (or a dry run): the import report.", schema: importResultSchema },
      201: { description: "Items were created: the import report.", schema: importResultSchema },
    },
    errors: ["not_found", "conflict", "not_markdown", "no_items"],
  });
  api.route({
    method: "get",
    path: "/api/v1/backlog/export",
    tag,
    summary: "Export the backlog",
    description:
      "The backlog document (`format=md`) or a CSV (`format=csv`) as an attachment. Takes the item list's filters and sort (no paging): it exports exactly what a filtered /items shows.",
    auth: "read",
    query: exportQuerySchema,
    responses: {
      200: {
        description: "`text/markdown` or `text/csv` (UTF-8), with `Content-Disposition: attachment`.",
        contentType: ["text/markdown", "text/csv"],
        schema: z.string(),
        headers: { "Content-Disposition": 'attachment; filename="SLUG-backlog.md" (or -items when filtered, .csv for CSV)' },
      },
    },
    errors: ["not_found"],
  });
  api.route({
    method: "get",
    path: "/api/v1/summary",
    tag,
    summary: "Backlog summary",
    description: "Counts per category (`total`, `open`, `done`) and per status, the remaining effort, and the phases with their progress.",
    auth: "read",
    query: productQuerySchema,
    responses: { 200: { description: "The summary.", schema: backlogSummarySchema } },
    errors: ["not_found"],
  });
}
