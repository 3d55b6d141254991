import { z } from "zod";
import {
  createdTokenSchema,
  createdUserSchema,
  createTokenSchema,
  createUserSchema,
  meSchema,
  setupResultSchema,
  setupSchema,
  tokenViewSchema,
  updatedUserSchema,
  updateUserSchema,
  userViewSchema,
} from "@/lib/auth/schema";
import { pathParams, type Api } from "@/lib/openapi/registry";
import { createViewSchema, listViewsQuerySchema, savedViewListSchema, savedViewSchema } from "@/lib/views/schema";

export function registerAccountRoutes(api: Api): void {
  api.route({
    method: "post",
    path: "/api/v1/setup",
    tag: "Accounts",
    summary: "Create the first admin",
    description:
      "First run only: creates the first admin and signs them in (the session cookie comes back). 403 once done, and from another machine without the setup `code` the server printed. Rate limited per client address.",
    auth: "public",
    body: setupSchema,
    responses: { 201: { description: "The admin; `signedIn` false when the sign-in that follows was refused.", schema: setupResultSchema } },
    errors: ["forbidden", "conflict", "rate_limited"],
  });
  api.route({
    method: "get",
    path: "/api/v1/me",
    tag: "Accounts",
    summary: "Who am I",
    description: "The caller (a person or a token) and the permissions they hold.",
    auth: "read",
    responses: { 200: { description: "`{ principal, permissions }`.", schema: meSchema } },
  });
  api.route({
    method: "get",
    path: "/api/v1/users",
    tag: "Accounts",
    summary: "List users",
    description: "Everyone with an account, active first.",
    auth: "manage_users",
    responses: { 200: { description: "`{ users }`.", schema: z.object({ users: z.array(userViewSchema) }) } },
  });
  api.route({
    method: "post",
    path: "/api/v1/users",
    tag: "Accounts",
    summary: "Create a user",
    description: "`{ name, email, role, password? }`; without a password one is generated and returned once. 409 for an email that is taken.",
    auth: "manage_users",
    body: createUserSchema,
    responses: { 201: { description: "The new user.", schema: createdUserSchema } },
    errors: ["conflict"],
  });
  api.route({
    method: "patch",
    path: "/api/v1/users/{id}",
    tag: "Accounts",
    summary: "Change a user's role or deactivate them",
    description: "`{ role?, active? }`. Deactivating ends their sessions and tokens at once; the last admin stays an active admin (409).",
    auth: "manage_users",
    params: pathParams.id("user"),
    body: updateUserSchema,
    responses: { 200: { description: "The user now.", schema: updatedUserSchema } },
    errors: ["not_found", "conflict"],
  });
  api.route({
    method: "get",
    path: "/api/v1/tokens",
    tag: "API tokens",
    summary: "List API tokens",
    description: "Your tokens (admins: everyone's), each with the products it is limited to and its state.",
    auth: "manage_own_tokens",
    responses: { 200: { description: "`{ tokens }`.", schema: z.object({ tokens: z.array(tokenViewSchema) }) } },
  });
  api.route({
    method: "post",
    path: "/api/v1/tokens",
    tag: "API tokens",
    summary: "Create an API token",
    description:
      '`{ name, role, expires?, products? }`: `expires` is a duration such as `90d`, `12h`, `4w`, `1y` or `never`; `products` limits it to those product slugs (ones you can see). The secret is returned this once.',
    auth: "manage_own_tokens",
    body: createTokenSchema,
    responses: { 201: { description: "The token with its secret.", schema: createdTokenSchema } },
    errors: ["not_found"],
  });
  api.route({
    method: "delete",
    path: "/api/v1/tokens/{id}",
    tag: "API tokens",
    summary: "Revoke an API token",
    description: "Revokes a token at once; the row stays, so its history of use remains visible.",
    auth: "manage_own_tokens",
    params: pathParams.id("token"),
    responses: { 200: { description: "The revoked token's id.", schema: z.object({ revoked: z.string() }) } },
    errors: ["not_found"],
  });
  api.route({
    method: "get",
    path: "/api/v1/views",
    tag: "Saved views",
    summary: "List saved views",
    description: "The caller's views (personal and shared) first, then the ones others shared; `canShare` says whether the caller may save a shared view here.",
    auth: "read",
    query: listViewsQuerySchema,
    responses: { 200: { description: "`{ views, canShare }`.", schema: savedViewListSchema } },
    errors: ["not_found"],
  });
  api.route({
    method: "post",
    path: "/api/v1/views",
    tag: "Saved views",
    summary: "Save a view",
    description:
      "`{ name, query, shared?, product? }` saves /items filters under a name. `query` is the list's query string; every parameter must be a filter of the list. `shared: true` needs `edit_items`; an ownerless token is 403. 409 when the caller already has a view of that name.",
    auth: "read",
    query: listViewsQuerySchema,
    body: createViewSchema,
    responses: { 201: { description: "The saved view.", schema: z.object({ view: savedViewSchema }) } },
    errors: ["not_found", "conflict"],
  });
  api.route({
    method: "delete",
    path: "/api/v1/views/{id}",
    tag: "Saved views",
    summary: "Delete a saved view",
    description: "Your own view, or any for an admin. 403 for someone else's shared view, 404 for an unknown id or someone else's personal view.",
    auth: "read",
    params: z.object({ id: z.string().meta({ description: "The view's id." }) }),
    responses: { 204: { description: "Deleted; no body." } },
    errors: ["not_found"],
  });
}
