import { NextResponse } from "next/server";
import { actorOf } from "@/lib/auth/schema";
import { readJson, route } from "@/lib/http";
import { productFor } from "@/lib/products/data";
import { getReadiness } from "@/lib/readiness/data";
import { signOffRequirement } from "@/lib/requirements/mutations";
import { signOffWriteSchema } from "@/lib/requirements/schema";

type Params = { slug: string; code: string };

/** A person's sign-off of one of the listing's requirements (PRD-*). */
export const PUT = route<Params>("edit_items", async (req, { params }, principal) => {
  const { code } = await params;
  const { slug } = await productFor(principal, (await params).slug, "edit_items");
  const write = await readJson(req, signOffWriteSchema);
  const signOff = await signOffRequirement({ productSlug: slug, componentSlug: null, code, write, actor: actorOf(principal) });
  return NextResponse.json({ signOff, readiness: await getReadiness(slug) });
});
