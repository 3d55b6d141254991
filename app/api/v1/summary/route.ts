import { NextResponse } from "next/server";
import { getSummary } from "@/lib/backlog/data";
import { productQuerySchema } from "@/lib/backlog/schema";
import { readQuery, route } from "@/lib/http";

export const GET = route("read", async (req) => {
  const { product } = readQuery(req, productQuerySchema);
  return NextResponse.json(await getSummary(product));
});
