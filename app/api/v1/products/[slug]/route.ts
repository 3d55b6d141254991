import { NextResponse } from "next/server";
import { readJson, route } from "@/lib/http";
import { getProductAccess, productFor } from "@/lib/products/data";
import { setProductRestricted } from "@/lib/products/mutations";
import { productPatchSchema } from "@/lib/products/schema";

type Params = { slug: string };

/** A product as its admins manage it: name and who may see it. */
export const GET = route<Params>("manage_settings", async (_req, { params }, principal) => {
  const product = await productFor(principal, (await params).slug, "manage_settings");
  return NextResponse.json({ product: { ...product, ...(await getProductAccess(product.id)) } });
});

export const PATCH = route<Params>("manage_settings", async (req, { params }, principal) => {
  const product = await productFor(principal, (await params).slug, "manage_settings");
  const patch = await readJson(req, productPatchSchema);
  await setProductRestricted({ productId: product.id, restricted: patch.restricted });
  return NextResponse.json({ product: { ...product, ...(await getProductAccess(product.id)) } });
});
