import { NextResponse } from "next/server";
import { readQuery, route } from "@/lib/http";
import { getRunComparison, runCompareQuerySchema } from "@/lib/preflight/data";
import { hideProduct, productFor } from "@/lib/products/data";

export const GET = route("read", async (req, _ctx, principal) => {
  const query = readQuery(req, runCompareQuerySchema);
  const comparison = await getRunComparison(query);
  await productFor(principal, comparison.product, "read").catch(hideProduct(`No preflight run ${query.from}.`));
  return NextResponse.json(comparison);
});
