import { NextResponse } from "next/server";
import { getForecast } from "@/lib/forecast/data";
import { forecastQuerySchema } from "@/lib/forecast/schema";
import { readQuery, route } from "@/lib/http";
import { productFor } from "@/lib/products/data";

/** `?product=SLUG&phase=KEY`: will the product (or the phase) make its target date, as of now. */
export const GET = route("read", async (req, _ctx, principal) => {
  const query = readQuery(req, forecastQuerySchema);
  const product = await productFor(principal, query.product, "read");
  return NextResponse.json(await getForecast({ product: product.slug, phase: query.phase, now: new Date() }));
});
