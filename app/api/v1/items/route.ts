import { NextResponse } from "next/server";
import { actorOf, userIdOf } from "@/lib/auth/schema";
import { getItem, listItems } from "@/lib/backlog/data";
import { itemCreateSchema, itemFilterSchema, productQuerySchema } from "@/lib/backlog/schema";
import { readJson, readQuery, route } from "@/lib/http";
import { createItem } from "@/lib/items/mutations";
import { productFor } from "@/lib/products/data";

export const GET = route("read", async (req, _ctx, principal) => {
  const filter = readQuery(req, itemFilterSchema);
  const { slug } = await productFor(principal, filter.product, "read");
  const { items, total } = await listItems({ ...filter, product: slug }, { userId: userIdOf(principal) });
  return NextResponse.json({ items, total });
});

export const POST = route("edit_items", async (req, _ctx, principal) => {
  const { slug } = await productFor(principal, readQuery(req, productQuerySchema).product, "edit_items");
  const item = await readJson(req, itemCreateSchema);
  const { key } = await createItem({ productSlug: slug, item, actor: actorOf(principal) });
  return NextResponse.json({ item: await getItem(key, slug) }, { status: 201 });
});
