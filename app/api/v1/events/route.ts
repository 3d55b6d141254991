import { NextResponse } from "next/server";
import { readQuery, route } from "@/lib/http";
import { productFor } from "@/lib/products/data";
import { listEvents } from "@/lib/overview/data";
import { eventQuerySchema } from "@/lib/overview/schema";

export const GET = route("read", async (req, _ctx, principal) => {
  const query = readQuery(req, eventQuerySchema);
  const { slug } = await productFor(principal, query.product, "read");
  return NextResponse.json(await listEvents({ ...query, product: slug }));
});
