import { productQuerySchema } from "@/lib/backlog/schema";
import { pathParams, type Api } from "@/lib/openapi/registry";
import { phaseBoardListSchema, phaseBoardSchema, phasePatchSchema } from "@/lib/phases/schema";

const tag = "Phases";

export function registerPhaseRoutes(api: Api): void {
  api.route({
    method: "get",
    path: "/api/v1/phases",
    tag,
    summary: "List phases",
    description:
      "Every phase in plan order with its progress, completion, dependencies, what blocks it, its gate (`satisfied`/`total`, `canComplete`, `reason`), and the product's critical path.",
    auth: "read",
    query: productQuerySchema,
    responses: { 200: { description: "`{ product, phases, criticalPath }`.", schema: phaseBoardListSchema } },
    errors: ["not_found"],
  });
  api.route({
    method: "get",
    path: "/api/v1/phases/{key}",
    tag,
    summary: "Get a phase board",
    description: "One phase: the same as in the list, plus `columns` (its items by status), `dependents` and the critical path entries that concern it.",
    auth: "read",
    params: pathParams.key,
    query: productQuerySchema,
    responses: { 200: { description: "The phase board.", schema: phaseBoardSchema } },
    errors: ["not_found"],
  });
  api.route({
    method: "patch",
    path: "/api/v1/phases/{key}",
    tag,
    summary: "Complete, reopen or re-plan a phase",
    description:
      "`{ version, completed?, dependsOn?, gates?, targetDate? }`. 409 when `version` is stale, or when completing while something is missing (`details.blockedBy`); 400 for unknown keys or slugs, a phase depending on itself, or a cycle.",
    auth: "edit_items",
    params: pathParams.key,
    query: productQuerySchema,
    body: phasePatchSchema,
    responses: { 200: { description: "The phase board after the change.", schema: phaseBoardSchema } },
    errors: ["not_found", "conflict"],
  });
}
