import { NextResponse } from "next/server";
import { productQuerySchema } from "@/lib/backlog/schema";
import { readQuery, route } from "@/lib/http";
import { productFor } from "@/lib/products/data";
import { getReadiness } from "@/lib/readiness/data";

/** What remains before the product is listed: per component and for the listing itself. */
export const GET = route("read", async (req, _ctx, principal) => {
  const product = (await productFor(principal, readQuery(req, productQuerySchema).product, "read")).slug;
  return NextResponse.json(await getReadiness(product));
});
