import { z } from "zod";
import { productQuerySchema } from "@/lib/backlog/schema";
import { pathParams, type Api } from "@/lib/openapi/registry";
import { runCompareQuerySchema, runListQuerySchema } from "@/lib/preflight/data";
import { assignRunSchema, ingestResultSchema, runComparisonSchema, runDetailSchema, runListSchema, uploadQuerySchema } from "@/lib/preflight/schema";
import { UPLOAD_MEDIA_TYPES } from "@/lib/preflight/upload-limits";

const tag = "Preflight runs";

export function registerPreflightRoutes(api: Api): void {
  api.route({
    method: "get",
    path: "/api/v1/preflight/runs",
    tag,
    summary: "List preflight runs",
    description: "Runs newest first; `unassigned=true` lists only the runs waiting for a component (`false`: only attached ones).",
    auth: "read",
    query: runListQuerySchema,
    responses: { 200: { description: "`{ runs, total }`.", schema: runListSchema } },
    errors: ["not_found"],
  });
  api.route({
    method: "post",
    path: "/api/v1/preflight/runs",
    tag,
    summary: "Upload preflight results",
    description: [
      "`application/json` (results.json as preflight wrote it; several documents back to back give one run each), `multipart/form-data` (fields `results` — one or more files —, `certImage`, `log`, `component`, `arch`, `force`, `createComponent`), or the artifacts folder packed (`application/gzip`, `application/zip`).",
      "A run attaches to the component named, else to the one registered for its image's repository, else to a new one with `createComponent=true`; otherwise it is stored unassigned. 409 `image_mismatch` when `component` is registered for another repository.",
      "Limits: 5 MiB per results file, 50 MiB per request (sent and unpacked), 200 files: past one, 413 and nothing is stored.",
    ].join("\n\n"),
    auth: "upload_results",
    query: uploadQuerySchema,
    body: {
      contentType: [...UPLOAD_MEDIA_TYPES],
      schema: z.string().meta({ description: "results.json, a multipart form, or a gzip/zip archive of preflight's artifacts folder." }),
    },
    responses: {
      200: { description: "Every run was already stored (`duplicate: true`).", schema: ingestResultSchema },
      201: { description: "The runs stored and what they changed in the backlog.", schema: ingestResultSchema },
    },
    errors: ["not_found", "conflict", "image_mismatch", "empty_results", "not_preflight"],
  });
  api.route({
    method: "get",
    path: "/api/v1/preflight/runs/compare",
    tag,
    summary: "Compare two runs",
    description:
      "Any two runs of one product, `from` → `to`: the checks that newly failed, errored or passed, were added or removed, changed otherwise or stayed the same. 404 for an unknown id (or one outside `product`), 400 for the same run twice or runs of two products.",
    auth: "read",
    query: runCompareQuerySchema,
    responses: { 200: { description: "The comparison.", schema: runComparisonSchema } },
    errors: ["not_found"],
  });
  api.route({
    method: "get",
    path: "/api/v1/preflight/runs/{id}",
    tag,
    summary: "Get a run",
    description: "One run: its checks with their texts (as preflight wrote them: untrusted), the diff against the previous run, and the items it changed.",
    auth: "read",
    params: pathParams.id("run"),
    responses: { 200: { description: "The run.", schema: runDetailSchema } },
    errors: ["not_found"],
  });
  api.route({
    method: "post",
    path: "/api/v1/preflight/runs/{id}/assign",
    tag,
    summary: "Assign a run to a component",
    description:
      '`{ "component": "SLUG", "force"?: true }` or `{ "createComponent": true }` attaches an unassigned run and reconciles it, with the same rules as an upload. 409 when it is already attached, or `image_mismatch`.',
    auth: "edit_items",
    params: pathParams.id("run"),
    query: productQuerySchema,
    body: assignRunSchema,
    responses: { 200: { description: "Like an upload's answer.", schema: ingestResultSchema } },
    errors: ["not_found", "conflict", "image_mismatch"],
  });
}
