import { z } from "zod";
import { type Api, pathParams } from "@/lib/openapi/registry";
import { productMembersResponseSchema, productMembersSchema, productPatchSchema, productSettingsSchema } from "@/lib/products/schema";
import { connectionTestSchema, connectionViewSchema, pyxisConnectionInputSchema, syncViewSchema } from "@/lib/pyxis/schema";
import { readinessSchema } from "@/lib/readiness/schema";
import { signOffViewSchema, signOffWriteSchema } from "@/lib/requirements/schema";

const tag = "Products";

export function registerProductRoutes(api: Api): void {
  api.route({
    method: "get",
    path: "/api/v1/products/{slug}",
    tag,
    summary: "Get a product's settings",
    description: "The product with its plan (`targetDate`, `hoursPerWeek`) and access (`restricted`, `members`).",
    auth: "manage_settings",
    params: pathParams.slug,
    responses: { 200: { description: "The product.", schema: productSettingsSchema } },
    errors: ["not_found"],
  });
  api.route({
    method: "patch",
    path: "/api/v1/products/{slug}",
    tag,
    summary: "Change a product's plan or access",
    description:
      "The target date and the team's hours a week (engineers; `null` clears); `restricted` limits the product to its members (admins only: 403 for anyone else, and nothing changes).",
    auth: "edit_items",
    params: pathParams.slug,
    body: productPatchSchema,
    responses: { 200: { description: "The product (access fields for admins only).", schema: productSettingsSchema } },
    errors: ["not_found"],
  });
  api.route({
    method: "get",
    path: "/api/v1/products/{slug}/members",
    tag,
    summary: "List a product's members",
    description: "Who may see a restricted product, with their role on it and their global role.",
    auth: "manage_settings",
    params: pathParams.slug,
    responses: { 200: { description: "`{ members }`.", schema: productMembersResponseSchema } },
    errors: ["not_found"],
  });
  api.route({
    method: "put",
    path: "/api/v1/products/{slug}/members",
    tag,
    summary: "Replace a product's members",
    description: "`[{ user, role }]` (user by id or email), all or nothing; a role above the person's global role is 400.",
    auth: "manage_settings",
    params: pathParams.slug,
    body: productMembersSchema,
    responses: { 200: { description: "The members now.", schema: productMembersResponseSchema } },
    errors: ["not_found"],
  });
  api.route({
    method: "put",
    path: "/api/v1/products/{slug}/requirements/{code}",
    tag,
    summary: "Sign off a listing requirement",
    description: "A sign-off of one of the listing's own requirements (PRD-01…06), as for a component's.",
    auth: "edit_items",
    params: pathParams.slug.extend({ code: z.string().meta({ description: "A listing requirement code, `PRD-01`…`PRD-06`." }) }),
    body: signOffWriteSchema,
    responses: { 200: { description: "The sign-off and the product's readiness after it.", schema: z.object({ signOff: signOffViewSchema, readiness: readinessSchema }) } },
    errors: ["not_found"],
  });
  const pyxis = "/api/v1/products/{slug}/integrations/pyxis";
  api.route({
    method: "get",
    path: pyxis,
    tag,
    summary: "Get a product's connection to Red Hat's catalog",
    description: "The catalog API's URL, who set it, and the last sync (when, how, what changed, what failed). The API key is never answered.",
    auth: "manage_settings",
    params: pathParams.slug,
    responses: { 200: { description: "The connection (`connected: false` when there is none).", schema: connectionViewSchema } },
    errors: ["not_found"],
  });
  api.route({
    method: "put",
    path: pyxis,
    tag,
    summary: "Connect a product to Red Hat's catalog",
    description:
      "`{ url, apiKey }`: sets or replaces the connection (e.g. `https://catalog.redhat.com/api/containers`). The key is stored sealed (AES-256-GCM, with `CERTBOARD_SECRET_KEY` or the data folder's generated key) and never leaves the server.",
    auth: "manage_settings",
    params: pathParams.slug,
    body: pyxisConnectionInputSchema,
    responses: { 200: { description: "The connection now (without the key).", schema: connectionViewSchema } },
    errors: ["not_found"],
  });
  api.route({
    method: "delete",
    path: pyxis,
    tag,
    summary: "Disconnect a product from Red Hat's catalog",
    description: "Removes the connection and its key; synced facts and sync records stay. 404 when the product has no connection.",
    auth: "manage_settings",
    params: pathParams.slug,
    responses: { 204: { description: "Disconnected; no body." } },
    errors: ["not_found"],
  });
  api.route({
    method: "post",
    path: `${pyxis}/test`,
    tag,
    summary: "Test the connection to Red Hat's catalog",
    description: "Asks the catalog with the stored key (one connected component's project, or the key alone when none has a project id). `ok: false` with the reason (key refused, unknown project, timeout, …) is still a 200.",
    auth: "manage_settings",
    params: pathParams.slug,
    responses: { 200: { description: "`{ ok, message }`.", schema: connectionTestSchema } },
    errors: ["not_found"],
  });
  api.route({
    method: "get",
    path: `${pyxis}/sync`,
    tag,
    summary: "List a product's syncs with Red Hat's catalog",
    description: "The newest 20 syncs, newest first: schedule, Sync now, `certboard sync` or an export file; what each changed and what failed.",
    auth: "manage_settings",
    params: pathParams.slug,
    responses: { 200: { description: "`{ syncs }`.", schema: z.object({ syncs: z.array(syncViewSchema) }) } },
    errors: ["not_found"],
  });
  api.route({
    method: "post",
    path: `${pyxis}/sync`,
    tag,
    summary: "Sync a product with Red Hat's catalog now",
    description:
      "Reads every component with a Partner Connect project id (project, images, test results) and applies Red Hat's values: certification status, host access, images' certified and published flags and health grades. One component's failure writes nothing for it and stops none of the others; a refused key stops the sync. Answers the sync's record.",
    auth: "manage_settings",
    params: pathParams.slug,
    responses: { 200: { description: "The sync's record (`outcome` ok, partial or failed).", schema: syncViewSchema } },
    errors: ["not_found"],
  });
}
