import { NextResponse } from "next/server";
import { route } from "@/lib/http";
import { productFor } from "@/lib/products/data";
import { testConnection } from "@/lib/pyxis/mutations";

type Params = { slug: string };

/** Test connection: asks Red Hat's catalog with the stored key; `{ ok, message }` either way. Admins. */
export const POST = route<Params>("manage_settings", async (_req, { params }, principal) => {
  const product = await productFor(principal, (await params).slug, "manage_settings");
  return NextResponse.json(await testConnection(product.slug));
});
