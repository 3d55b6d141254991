import { NextResponse } from "next/server";
import { actorOf } from "@/lib/auth/schema";
import { productQuerySchema } from "@/lib/backlog/schema";
import { getComponentBoard } from "@/lib/component-board/data";
import { readJson, readQuery, route } from "@/lib/http";
import { productFor } from "@/lib/products/data";
import { signOffRequirement } from "@/lib/requirements/mutations";
import { signOffWriteSchema } from "@/lib/requirements/schema";

type Params = { slug: string; code: string };

/** A person's sign-off of one requirement of a component: met, not met or not applicable. */
export const PUT = route<Params>("edit_items", async (req, { params }, principal) => {
  const { slug, code } = await params;
  const product = (await productFor(principal, readQuery(req, productQuerySchema).product, "edit_items")).slug;
  const write = await readJson(req, signOffWriteSchema);
  const signOff = await signOffRequirement({ productSlug: product, componentSlug: slug, code, write, actor: actorOf(principal) });
  return NextResponse.json({ signOff, board: await getComponentBoard(slug, product) });
});
