import { NextResponse } from "next/server";
import { actorOf } from "@/lib/auth/schema";
import { getItem } from "@/lib/backlog/data";
import { updateItem } from "@/lib/items/mutations";
import { itemPatchSchema, productQuerySchema } from "@/lib/backlog/schema";
import { readJson, readQuery, route } from "@/lib/http";
import { productFor } from "@/lib/products/data";

type Params = { key: string };

export const GET = route<Params>("read", async (req, { params }, principal) => {
  const { key } = await params;
  const product = (await productFor(principal, readQuery(req, productQuerySchema).product, "read")).slug;
  return NextResponse.json(await getItem(key, product));
});

export const PATCH = route<Params>("edit_items", async (req, { params }, principal) => {
  const { key } = await params;
  const product = (await productFor(principal, readQuery(req, productQuerySchema).product, "edit_items")).slug;
  const patch = await readJson(req, itemPatchSchema);
  await updateItem({ productSlug: product, key, patch, actor: actorOf(principal) });
  return NextResponse.json(await getItem(key, product));
});
