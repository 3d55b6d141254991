import { NextResponse } from "next/server";
import { actorOf } from "@/lib/auth/schema";
import { productQuerySchema } from "@/lib/backlog/schema";
import { getComponentBoard } from "@/lib/component-board/data";
import { boardQuerySchema } from "@/lib/component-board/schema";
import { updateComponent } from "@/lib/components/mutations";
import { componentPatchSchema } from "@/lib/components/schema";
import { announceGatesOfComponent } from "@/lib/phases/mutations";
import { readJson, readQuery, route } from "@/lib/http";
import { productFor } from "@/lib/products/data";

type Params = { slug: string };

export const GET = route<Params>("read", async (req, { params }, principal) => {
  const { slug } = await params;
  const { product: asked, ...paging } = readQuery(req, boardQuerySchema);
  const product = (await productFor(principal, asked, "read")).slug;
  return NextResponse.json(await getComponentBoard(slug, product, paging));
});

export const PATCH = route<Params>("edit_items", async (req, { params }, principal) => {
  const { slug } = await params;
  const product = (await productFor(principal, readQuery(req, productQuerySchema).product, "edit_items")).slug;
  const patch = await readJson(req, componentPatchSchema);
  const actor = actorOf(principal);
  await updateComponent({
    productSlug: product,
    slug,
    patch,
    actor,
    // A component Red Hat now publishes may be the last thing a phase waited for.
    afterWrite: (tx, component) => (component.certificationStatusChanged ? announceGatesOfComponent(tx, actor, component.id) : Promise.resolve()),
  });
  return NextResponse.json(await getComponentBoard(slug, product));
});
