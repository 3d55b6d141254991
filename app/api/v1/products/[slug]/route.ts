import { NextResponse } from "next/server";
import { getProductPlan } from "@/lib/forecast/data";
import { readJson, route } from "@/lib/http";
import { getNotificationSettings, getProductAccess, mayOn, productFor } from "@/lib/products/data";
import { updateProduct } from "@/lib/products/mutations";
import { productPatchSchema } from "@/lib/products/schema";

type Params = { slug: string };

/** A product as its admins manage it: name, plan (target date, hours per week) and who may see it. */
export const GET = route<Params>("manage_settings", async (_req, { params }, principal) => {
  const product = await productFor(principal, (await params).slug, "manage_settings");
  return NextResponse.json({ product: { ...product, ...(await getProductPlan(product.id)), ...(await getNotificationSettings(product.id)), ...(await getProductAccess(product.id)) } });
});

/** `{ targetDate?, hoursPerWeek?, timezone?, evidenceMaxAgeDays? }` for engineers; `restricted` only for admins. The answer shows access only to admins. */
export const PATCH = route<Params>("edit_items", async (req, { params }, principal) => {
  const { slug } = await params;
  const product = await productFor(principal, slug, "edit_items");
  const patch = await readJson(req, productPatchSchema);
  // The plan is the team's to set; who may see the product is an admin's decision.
  if (patch.restricted !== undefined) await productFor(principal, slug, "manage_settings");
  await updateProduct({ productId: product.id, patch });
  const access = (await mayOn(principal, slug, "manage_settings")) ? await getProductAccess(product.id) : {};
  return NextResponse.json({ product: { ...product, ...(await getProductPlan(product.id)), ...(await getNotificationSettings(product.id)), ...access } });
});
