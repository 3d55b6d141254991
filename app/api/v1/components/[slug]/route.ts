import { NextResponse } from "next/server";
import { actorOf } from "@/lib/auth/schema";
import { productQuerySchema } from "@/lib/backlog/schema";
import { getComponentBoard } from "@/lib/component-board/data";
import { updateComponent } from "@/lib/components/mutations";
import { componentPatchSchema } from "@/lib/components/schema";
import { readJson, readQuery, route } from "@/lib/http";
import { productFor } from "@/lib/products/data";

type Params = { slug: string };

export const GET = route<Params>("read", async (req, { params }, principal) => {
  const { slug } = await params;
  const product = (await productFor(principal, readQuery(req, productQuerySchema).product, "read")).slug;
  return NextResponse.json(await getComponentBoard(slug, product));
});

export const PATCH = route<Params>("edit_items", async (req, { params }, principal) => {
  const { slug } = await params;
  const product = (await productFor(principal, readQuery(req, productQuerySchema).product, "edit_items")).slug;
  const patch = await readJson(req, componentPatchSchema);
  await updateComponent({ productSlug: product, slug, patch, actor: actorOf(principal) });
  return NextResponse.json(await getComponentBoard(slug, product));
});
