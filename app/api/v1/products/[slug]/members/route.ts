import { NextResponse } from "next/server";
import { readJson, route } from "@/lib/http";
import { getProductAccess, productFor } from "@/lib/products/data";
import { setProductMembers } from "@/lib/products/mutations";
import { productMembersSchema } from "@/lib/products/schema";

type Params = { slug: string };

export const GET = route<Params>("manage_settings", async (_req, { params }, principal) => {
  const product = await productFor(principal, (await params).slug, "manage_settings");
  return NextResponse.json({ members: (await getProductAccess(product.id)).members });
});

/** Replaces the members of a (restricted) product: `[{ user, role }]`, all or nothing. */
export const PUT = route<Params>("manage_settings", async (req, { params }, principal) => {
  const product = await productFor(principal, (await params).slug, "manage_settings");
  const members = await readJson(req, productMembersSchema);
  await setProductMembers({ productId: product.id, members });
  return NextResponse.json({ members: (await getProductAccess(product.id)).members });
});
