import { z } from "zod";
import { type Api, pathParams } from "@/lib/openapi/registry";
import { productMembersResponseSchema, productMembersSchema, productPatchSchema, productSettingsSchema } from "@/lib/products/schema";
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
}
