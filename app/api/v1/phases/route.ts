import { NextResponse } from "next/server";
import { productQuerySchema } from "@/lib/backlog/schema";
import { listPhaseBoards } from "@/lib/phases/data";
import { readQuery, route } from "@/lib/http";
import { productFor } from "@/lib/products/data";

export const GET = route("read", async (req, _ctx, principal) => {
  const product = (await productFor(principal, readQuery(req, productQuerySchema).product, "read")).slug;
  return NextResponse.json(await listPhaseBoards(product));
});
