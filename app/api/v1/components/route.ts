import { NextResponse } from "next/server";
import { listComponents } from "@/lib/components/data";
import { productQuerySchema } from "@/lib/backlog/schema";
import { readQuery, route } from "@/lib/http";
import { productFor } from "@/lib/products/data";

export const GET = route("read", async (req, _ctx, principal) => {
  const product = (await productFor(principal, readQuery(req, productQuerySchema).product, "read")).slug;
  return NextResponse.json({ components: await listComponents(product) });
});
