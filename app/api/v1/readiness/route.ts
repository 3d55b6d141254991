import { NextResponse } from "next/server";
import { productQuerySchema } from "@/lib/backlog/schema";
import { readQuery, route } from "@/lib/http";
import { getReadiness } from "@/lib/readiness/data";

/** What remains before the product is listed: per component and for the listing itself. */
export const GET = route("read", async (req) => {
  const { product } = readQuery(req, productQuerySchema);
  return NextResponse.json(await getReadiness(product));
});
