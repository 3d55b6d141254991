import { NextResponse } from "next/server";
import { readQuery, route } from "@/lib/http";
import { productFor } from "@/lib/products/data";
import { searchProduct } from "@/lib/search/data";
import { searchQuerySchema, type SearchResponse } from "@/lib/search/schema";

/** Items, components, runs, phases and requirements matching `q` in one product, ranked. */
export const GET = route("read", async (req, _ctx, principal) => {
  const query = readQuery(req, searchQuerySchema);
  const product = await productFor(principal, query.product, "read");
  const body: SearchResponse = { results: await searchProduct(product, query.q) };
  return NextResponse.json(body);
});
