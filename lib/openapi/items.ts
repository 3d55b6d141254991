import { z } from "zod";
import {
  itemBulkResultSchema,
  itemBulkSchema,
  itemCreateSchema,
  itemDetailSchema,
  itemFilterSchema,
  itemListSchema,
  itemPatchSchema,
  productQuerySchema,
  watchResultSchema,
} from "@/lib/backlog/schema";
import { commentInputSchema, commentViewSchema } from "@/lib/comments/schema";
import { pathParams, type Api } from "@/lib/openapi/registry";

const tag = "Items";
const commentParams = pathParams.key.extend({ id: z.uuid().meta({ description: "The comment's id." }) });

export function registerItemRoutes(api: Api): void {
  api.route({
    method: "get",
    path: "/api/v1/items",
    tag,
    summary: "List items",
    description:
      "The product's backlog items, filtered and sorted: `assignee=me` (the caller, or a token's owner), `none` or an email; `overdue=true` lists open items whose due date has passed. `limit` defaults to 100 (max 500).",
    auth: "read",
    query: itemFilterSchema,
    responses: { 200: { description: "`{ items, total }`: one page of items and how many match.", schema: itemListSchema } },
    errors: ["not_found"],
  });
  api.route({
    method: "post",
    path: "/api/v1/items",
    tag,
    summary: "Create an item",
    description:
      "A new item; without `key` it gets the product's next `T-n`. The author and the assignee become watchers. An unknown phase, component, requirement or person is 400 naming the field, and nothing is written.",
    auth: "edit_items",
    query: productQuerySchema,
    body: itemCreateSchema,
    responses: { 201: { description: "The item as stored.", schema: z.object({ item: itemDetailSchema }) } },
    errors: ["not_found", "conflict"],
  });
  api.route({
    method: "post",
    path: "/api/v1/items/bulk",
    tag,
    summary: "Change many items at once",
    description:
      "Sets the same fields on up to 500 items, all or nothing. Each item names the `version` the person saw: one stale version is 409 (`details.stale: [{ key, sent, current }]`) and nothing changes; an unknown key is 404.",
    auth: "edit_items",
    query: productQuerySchema,
    body: itemBulkSchema,
    responses: { 200: { description: "Each item's new version and the fields that changed.", schema: itemBulkResultSchema } },
    errors: ["not_found", "conflict"],
  });
  api.route({
    method: "get",
    path: "/api/v1/items/{key}",
    tag,
    summary: "Get an item",
    description: "One item with its `version`, phase, components, assignee, due date, requirements, watchers and history.",
    auth: "read",
    params: pathParams.key,
    query: productQuerySchema,
    responses: { 200: { description: "The item.", schema: itemDetailSchema } },
    errors: ["not_found"],
  });
  api.route({
    method: "patch",
    path: "/api/v1/items/{key}",
    tag,
    summary: "Edit an item",
    description:
      "`{ version, …fields }`: changes the fields sent. 409 when `version` is stale; 400 for unknown fields or values, and for an `effortText` that does not read as an estimate (`30m`, `2h`, `1-2 days`; `\"\"` or `null` clears it).",
    auth: "edit_items",
    params: pathParams.key,
    query: productQuerySchema,
    body: itemPatchSchema,
    responses: { 200: { description: "The item after the change.", schema: itemDetailSchema } },
    errors: ["not_found", "conflict"],
  });
  for (const [method, summary, description] of [
    ["put", "Watch an item", "Starts watching the item (anyone who may read it; a token acts for its owner, an ownerless token is refused)."],
    ["delete", "Stop watching an item", "Stops watching the item."],
  ] as const) {
    api.route({
      method,
      path: "/api/v1/items/{key}/watch",
      tag,
      summary,
      description,
      auth: "read",
      params: pathParams.key,
      query: productQuerySchema,
      responses: { 200: { description: "Whether the caller watches it now, and everyone who does.", schema: watchResultSchema } },
      errors: ["not_found"],
    });
  }
  api.route({
    method: "get",
    path: "/api/v1/items/{key}/comments",
    tag,
    summary: "List an item's comments",
    description: "The item's comments, oldest first; `canEdit` says whether the caller may edit or delete each.",
    auth: "read",
    params: pathParams.key,
    query: productQuerySchema,
    responses: { 200: { description: "`{ comments }`.", schema: z.object({ comments: z.array(commentViewSchema) }) } },
    errors: ["not_found"],
  });
  api.route({
    method: "post",
    path: "/api/v1/items/{key}/comments",
    tag,
    summary: "Comment on an item",
    description:
      "`{ body }`: markdown, 1–20,000 characters once trimmed. `@handle` mentions a person who may see the product. Markdown the parser would spend seconds on is 422 `not_markdown`.",
    auth: "comment",
    params: pathParams.key,
    query: productQuerySchema,
    body: commentInputSchema,
    responses: { 201: { description: "The new comment.", schema: z.object({ comment: commentViewSchema }) } },
    errors: ["not_found", "not_markdown"],
  });
  api.route({
    method: "patch",
    path: "/api/v1/items/{key}/comments/{id}",
    tag,
    summary: "Edit a comment",
    description: "Replaces the text and mentions of your own comment (admins: anyone's). 403 for someone else's comment.",
    auth: "comment",
    params: commentParams,
    query: productQuerySchema,
    body: commentInputSchema,
    responses: { 200: { description: "The comment with `editedAt`.", schema: z.object({ comment: commentViewSchema }) } },
    errors: ["not_found", "conflict", "not_markdown"],
  });
  api.route({
    method: "delete",
    path: "/api/v1/items/{key}/comments/{id}",
    tag,
    summary: "Delete a comment",
    description: "Removes your own comment for good (admins: anyone's); the history keeps who wrote and deleted it, not the text.",
    auth: "comment",
    params: commentParams,
    query: productQuerySchema,
    responses: { 200: { description: "The deleted comment's id.", schema: z.object({ deleted: z.string() }) } },
    errors: ["not_found"],
  });
}
