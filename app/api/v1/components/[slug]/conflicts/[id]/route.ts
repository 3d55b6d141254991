import { NextResponse } from "next/server";
import { actorOf } from "@/lib/auth/schema";
import { productQuerySchema } from "@/lib/backlog/schema";
import { readQuery, route } from "@/lib/http";
import { productFor } from "@/lib/products/data";
import { dismissConflict } from "@/lib/pyxis/mutations";

type Params = { slug: string; id: string };

/** Dismisses a conflict between a person's value and Red Hat's (Red Hat's stays). Engineers. */
export const DELETE = route<Params>("edit_items", async (req, { params }, principal) => {
  const { slug, id } = await params;
  const product = await productFor(principal, readQuery(req, productQuerySchema).product, "edit_items");
  await dismissConflict({ productSlug: product.slug, slug, conflictId: id, actor: actorOf(principal) });
  return new NextResponse(null, { status: 204 });
});
