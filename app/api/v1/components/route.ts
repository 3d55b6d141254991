import { NextResponse } from "next/server";
import { listComponents } from "@/lib/components/data";
import { productQuerySchema } from "@/lib/backlog/schema";
import { readQuery, route } from "@/lib/http";

export const GET = route("read", async (req) => {
  const { product } = readQuery(req, productQuerySchema);
  return NextResponse.json({ components: await listComponents(product) });
});
