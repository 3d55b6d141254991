import { NextResponse } from "next/server";
import { actorOf } from "@/lib/auth/schema";
import { readJson, route } from "@/lib/http";
import { productFor } from "@/lib/products/data";
import { getConnectionView } from "@/lib/pyxis/data";
import { deleteConnection, setConnection } from "@/lib/pyxis/mutations";
import { pyxisConnectionInputSchema } from "@/lib/pyxis/schema";

type Params = { slug: string };

/** The product's connection to Red Hat's catalog: its URL and last sync, never the key. Admins. */
export const GET = route<Params>("manage_settings", async (_req, { params }, principal) => {
  const product = await productFor(principal, (await params).slug, "manage_settings");
  return NextResponse.json(await getConnectionView(product.slug));
});

/** Sets or replaces the connection: `{ url, apiKey }`; the key is stored sealed and never answered. */
export const PUT = route<Params>("manage_settings", async (req, { params }, principal) => {
  const product = await productFor(principal, (await params).slug, "manage_settings");
  const input = await readJson(req, pyxisConnectionInputSchema);
  return NextResponse.json(await setConnection(product.slug, input, actorOf(principal)));
});

export const DELETE = route<Params>("manage_settings", async (_req, { params }, principal) => {
  const product = await productFor(principal, (await params).slug, "manage_settings");
  await deleteConnection(product.slug);
  return new NextResponse(null, { status: 204 });
});
