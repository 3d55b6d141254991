import { NextResponse } from "next/server";
import { actorOf } from "@/lib/auth/schema";
import { route } from "@/lib/http";
import { productFor } from "@/lib/products/data";
import { listSyncs } from "@/lib/pyxis/data";
import { syncProduct } from "@/lib/pyxis/mutations";

type Params = { slug: string };

/** The product's syncs with Red Hat's catalog, newest first (when, who or schedule, what changed, what failed). Admins. */
export const GET = route<Params>("manage_settings", async (_req, { params }, principal) => {
  const product = await productFor(principal, (await params).slug, "manage_settings");
  return NextResponse.json({ syncs: await listSyncs(product.slug) });
});

/** Sync now: reads every connected component's project and applies it; answers the sync's record. Admins. */
export const POST = route<Params>("manage_settings", async (_req, { params }, principal) => {
  const product = await productFor(principal, (await params).slug, "manage_settings");
  return NextResponse.json(await syncProduct({ productSlug: product.slug, trigger: "person", actor: actorOf(principal) }));
});
