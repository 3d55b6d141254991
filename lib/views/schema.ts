import { z } from "zod";
import type { Principal } from "@/lib/auth/schema";
import { itemFilterSchema } from "@/lib/backlog/schema";
import { emptyToUndefined } from "@/lib/query-params";

// A saved view names a set of /items filters. It stores the list's own query string, so the list's
// schema decides what a view may hold: a filter added there is savable here without a change.

/** The filters and sort a view keeps: the item list's, without the product and paging, nothing else. */
export const viewFilterSchema = itemFilterSchema.omit({ product: true, limit: true, offset: true }).strict();

/** The parameters a view keeps, in the order a stored query lists them. */
export const VIEW_PARAMS: readonly string[] = Object.keys(viewFilterSchema.shape);

/** Parameters of an /items URL that belong to the link, not the view: dropped, never refused. */
const LINK_PARAMS: ReadonlySet<string> = new Set(["product", "limit", "offset"]);

const DEFAULTS: Record<string, unknown> = viewFilterSchema.parse({});

export type ViewQueryIssue = { param: string; message: string };
export type ViewQueryResult = { ok: true; query: string } | { ok: false; issues: ViewQueryIssue[] };

/**
 * An /items query string as a view stores it: validated against the list's filter schema, in a
 * fixed parameter order, with values as the list reads them and defaults (`sort=key`, `dir=asc`)
 * left out, so two spellings of the same filters are one query. Unknown parameters are refused.
 */
export function normalizeViewQuery(raw: string): ViewQueryResult {
  const params = new URLSearchParams(raw.startsWith("?") ? raw.slice(1) : raw);
  const values: Record<string, string> = {};
  const issues: ViewQueryIssue[] = [];
  for (const [name, value] of params) {
    if (LINK_PARAMS.has(name)) continue;
    if (name in values) issues.push({ param: name, message: "given more than once" });
    values[name] = value;
  }
  const parsed = viewFilterSchema.safeParse(values);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      if (issue.code === "unrecognized_keys") {
        for (const key of issue.keys) issues.push({ param: key, message: `not a filter of the item list (use ${VIEW_PARAMS.join(", ")})` });
      } else {
        issues.push({ param: String(issue.path[0] ?? ""), message: issue.message });
      }
    }
  }
  if (issues.length > 0 || !parsed.success) return { ok: false, issues };
  const data = parsed.data as Record<string, unknown>;
  const kept: [string, string][] = [];
  for (const name of VIEW_PARAMS) {
    const value = data[name];
    if (value === undefined || value === "" || value === DEFAULTS[name]) continue;
    kept.push([name, String(value)]);
  }
  return { ok: true, query: new URLSearchParams(kept).toString() };
}

/** The query a view stores, as the API reads it: bad parameters are named in the error path (`query.status`). */
const viewQuerySchema = z
  .string()
  .max(2000)
  .transform((raw, ctx) => {
    const result = normalizeViewQuery(raw);
    if (result.ok) return result.query;
    for (const issue of result.issues) ctx.issues.push({ code: "custom", message: issue.message, input: raw, path: [issue.param] });
    return z.NEVER;
  });

/** POST /api/v1/views. */
export const createViewSchema = z
  .object({
    name: z.string().trim().min(1, "Give the view a name").max(80, "Keep the name to 80 characters"),
    query: viewQuerySchema,
    /** Shared views are listed for everyone on the product; sharing needs the engineer role. */
    shared: z.boolean().default(false),
    product: z.string().trim().min(1).max(100).optional(),
  })
  .strict();
export type CreateViewInput = z.input<typeof createViewSchema>;

export const listViewsQuerySchema = z.object({
  product: z.preprocess(emptyToUndefined, z.string().max(100).optional()),
});

/** A saved view as the API and the UI see it. */
export type SavedViewSummary = {
  id: string;
  name: string;
  query: string;
  shared: boolean;
  owner: { name: string };
  /** The caller's own view (they may delete it). */
  mine: boolean;
};

/** GET /api/v1/views. `canShare`: whether the caller may save a shared view on this product. */
export type SavedViewList = { views: SavedViewSummary[]; canShare: boolean };

/** The /items link a view opens. */
export function viewHref(query: string, product: string): string {
  const productParam = `product=${encodeURIComponent(product)}`;
  return `/items?${query ? `${query}&${productParam}` : productParam}`;
}

/** Whose views a caller has: a person's own, a token's owner's; an ownerless (CLI) token has none. */
export function viewOwnerId(principal: Principal): string | null {
  return principal.kind === "user" ? principal.id : principal.userId;
}

export const savedViewSchema = z
  .object({ id: z.string(), name: z.string(), query: z.string(), shared: z.boolean(), owner: z.object({ name: z.string() }), mine: z.boolean() })
  .meta({ id: "SavedView" });

export const savedViewListSchema = z.object({ views: z.array(savedViewSchema), canShare: z.boolean() });
