import { NextResponse } from "next/server";
import { AppError } from "@/lib/errors";
import { readJson, readQuery, route } from "@/lib/http";
import { mayOn, productFor } from "@/lib/products/data";
import { listSavedViews } from "@/lib/views/data";
import { createSavedView } from "@/lib/views/mutations";
import { createViewSchema, listViewsQuerySchema, viewOwnerId, type SavedViewList } from "@/lib/views/schema";

/** The caller's views and the shared ones of a product, their own first. */
export const GET = route("read", async (req, _ctx, principal) => {
  const { product: slug } = readQuery(req, listViewsQuerySchema);
  const product = await productFor(principal, slug, "read");
  const ownerId = viewOwnerId(principal);
  const [views, canShare] = await Promise.all([
    listSavedViews(product.id, ownerId),
    mayOn(principal, product.slug, "edit_items"),
  ]);
  return NextResponse.json({ views, canShare: canShare && ownerId !== null } satisfies SavedViewList);
});

/** Saves the current /items filters under a name. Viewers save personal views; sharing needs edit_items. */
export const POST = route("read", async (req, _ctx, principal) => {
  const input = await readJson(req, createViewSchema);
  const ownerId = viewOwnerId(principal);
  if (!ownerId) throw new AppError("forbidden", "Saved views belong to a person, and this token has no owner.");
  // The product as every other door names it (?product=), or in the body; both must agree.
  const fromQuery = readQuery(req, listViewsQuerySchema).product;
  if (fromQuery && input.product && fromQuery !== input.product) {
    throw new AppError("invalid", `product: the query names "${fromQuery}" and the body "${input.product}"; name one product.`);
  }
  const product = await productFor(principal, input.product ?? fromQuery, "read");
  if (input.shared) {
    await productFor(principal, product.slug, "edit_items").catch((error: unknown) => {
      if (error instanceof AppError && error.code === "forbidden") {
        throw new AppError("forbidden", `Your role on "${product.slug}" may save personal views only: sharing a view with the team needs the engineer role.`);
      }
      throw error;
    });
  }
  const view = await createSavedView({ productId: product.id, ownerId, name: input.name, query: input.query, shared: input.shared });
  return NextResponse.json({ view }, { status: 201 });
});
