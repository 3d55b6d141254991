import { NextResponse } from "next/server";
import { listItems } from "@/lib/backlog/data";
import { itemFilterSchema } from "@/lib/backlog/schema";
import { readQuery, route } from "@/lib/http";
import { productFor } from "@/lib/products/data";

export const GET = route("read", async (req, _ctx, principal) => {
  const filter = readQuery(req, itemFilterSchema);
  const { slug } = await productFor(principal, filter.product, "read");
  const { items, total } = await listItems({ ...filter, product: slug });
  return NextResponse.json({ items, total });
});
