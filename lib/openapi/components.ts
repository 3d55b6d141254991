import { z } from "zod";
import { productQuerySchema } from "@/lib/backlog/schema";
import { boardGridPageSchema, boardHistoryPageSchema, boardQuerySchema, componentBoardSchema, gridQuerySchema, historyQuerySchema } from "@/lib/component-board/schema";
import { componentPatchSchema, componentSummarySchema } from "@/lib/components/schema";
import { exceptionViewSchema, exceptionWriteSchema, EXCEPTION_KINDS } from "@/lib/exceptions/schema";
import { pathParams, type Api } from "@/lib/openapi/registry";
import { signOffViewSchema, signOffWriteSchema } from "@/lib/requirements/schema";

const tag = "Components";
const codeParam = z.string().meta({ description: "A requirement code such as `CTR-17` or `OPB-05`." });

export function registerComponentRoutes(api: Api): void {
  api.route({
    method: "delete",
    path: "/api/v1/components/{slug}/conflicts/{id}",
    tag,
    summary: "Dismiss a conflict with Red Hat's catalog",
    description:
      "A value a person set that a sync with Red Hat's catalog overrode is shown on the board (`redHat.conflicts`) until an engineer dismisses it. Red Hat's value stays in force; component history keeps both.",
    auth: "edit_items",
    params: pathParams.slug.extend(pathParams.id("conflict").shape),
    query: productQuerySchema,
    responses: { 204: { description: "Dismissed; no body." } },
    errors: ["not_found"],
  });
  api.route({
    method: "get",
    path: "/api/v1/components",
    tag,
    summary: "List components",
    description: "The product's components: images and bundles with their registry, repository, certification status and declarations.",
    auth: "read",
    query: productQuerySchema,
    responses: { 200: { description: "`{ components }`.", schema: z.object({ components: z.array(componentSummarySchema) }) } },
    errors: ["not_found"],
  });
  api.route({
    method: "get",
    path: "/api/v1/components/{slug}",
    tag,
    summary: "Get a component board",
    description:
      "The component board: the component (with `version` and the `policy` in force), what `remaining` blocks its listing, the requirement matrix with evidence, sign-offs (the newest 50; `signOffCount` in all), exceptions, warnings, the run grid (tags × architectures), staleness, items and run history. The grid and the history grow with every build, so each answers one page, newest first: `grid.nextCursor` (pass it as `tags`) and `historyPage.nextCursor` (pass it as `runs`) name the next page, null with `hasMore: false` on the last one. Cursors are opaque; one this board did not give is 400.",
    auth: "read",
    params: pathParams.slug,
    query: boardQuerySchema,
    responses: { 200: { description: "The board.", schema: componentBoardSchema } },
    errors: ["not_found"],
  });
  api.route({
    method: "get",
    path: "/api/v1/components/{slug}/grid",
    tag,
    summary: "Get one page of a component board's grid",
    description:
      "The board's `grid` alone (tags × architectures, each tag's newest run), for loading older tags without the rest of the board: the same page `GET /api/v1/components/{slug}` answers for the same `tags` and `limit`.",
    auth: "read",
    params: pathParams.slug,
    query: gridQuerySchema,
    responses: { 200: { description: "`{ product, grid }`.", schema: boardGridPageSchema } },
    errors: ["not_found"],
  });
  api.route({
    method: "get",
    path: "/api/v1/components/{slug}/history",
    tag,
    summary: "Get one page of a component's run history",
    description:
      "The board's `history` and `historyPage` alone, for loading older runs without the rest of the board: the same page `GET /api/v1/components/{slug}` answers for the same `runs` and `runsLimit`.",
    auth: "read",
    params: pathParams.slug,
    query: historyQuerySchema,
    responses: { 200: { description: "`{ product, history, historyPage }`.", schema: boardHistoryPageSchema } },
    errors: ["not_found"],
  });
  api.route({
    method: "patch",
    path: "/api/v1/components/{slug}",
    tag,
    summary: "Edit a component",
    description:
      "`{ version, … }`: Red Hat's certification status, the declarations, the owner, the Partner Connect project id, the expected architectures and a bundle's referenced images. 409 when `version` is stale.",
    auth: "edit_items",
    params: pathParams.slug,
    query: productQuerySchema,
    body: componentPatchSchema,
    responses: { 200: { description: "The board after the change.", schema: componentBoardSchema } },
    errors: ["not_found", "conflict"],
  });
  api.route({
    method: "put",
    path: "/api/v1/components/{slug}/requirements/{code}",
    tag,
    summary: "Sign off a component requirement",
    description:
      "A person's word on a requirement: met, not met or not applicable (a note is required for not applicable). Sign-offs are kept; the newest is in force. 400 for a requirement of another component type or one an exception decides; 404 for an unknown code.",
    auth: "edit_items",
    params: pathParams.slug.extend({ code: codeParam }),
    query: productQuerySchema,
    body: signOffWriteSchema,
    responses: { 200: { description: "The sign-off and the board after it.", schema: z.object({ signOff: signOffViewSchema, board: componentBoardSchema }) } },
    errors: ["not_found"],
  });
  api.route({
    method: "put",
    path: "/api/v1/components/{slug}/exceptions/{kind}",
    tag,
    summary: "File or update an exception",
    description:
      "The component's privileged or scratch exception: without `version` files a new one (409 if one exists), with it updates that one (409 when stale). Requested and approved need a justification; approval puts the root (or scratch) policy in force.",
    auth: "edit_items",
    params: pathParams.slug.extend({ kind: z.enum(EXCEPTION_KINDS).meta({ description: "`privileged` or `scratch` (anything else is 404)." }) }),
    query: productQuerySchema,
    body: exceptionWriteSchema,
    responses: { 200: { description: "The exception and the board after it.", schema: z.object({ exception: exceptionViewSchema, board: componentBoardSchema }) } },
    errors: ["not_found", "conflict"],
  });
}
