import { NextResponse } from "next/server";
import { actorOf } from "@/lib/auth/schema";
import { itemBulkSchema, productQuerySchema } from "@/lib/backlog/schema";
import { readJson, readQuery, route } from "@/lib/http";
import { bulkUpdateItems } from "@/lib/items/mutations";
import { productFor } from "@/lib/products/data";

/** Sets the same fields on many items: all or nothing, each checked against the version the person saw. */
export const POST = route("edit_items", async (req, _ctx, principal) => {
  const { slug } = await productFor(principal, readQuery(req, productQuerySchema).product, "edit_items");
  const bulk = await readJson(req, itemBulkSchema);
  return NextResponse.json(await bulkUpdateItems({ productSlug: slug, bulk, actor: actorOf(principal) }));
});
