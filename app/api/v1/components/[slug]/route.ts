import { NextResponse } from "next/server";
import { productQuerySchema } from "@/lib/backlog/schema";
import { getComponentBoard } from "@/lib/components/data";
import { readQuery, route } from "@/lib/http";

export const GET = route<{ slug: string }>("read", async (req, { params }) => {
  const { slug } = await params;
  const { product } = readQuery(req, productQuerySchema);
  return NextResponse.json(await getComponentBoard(slug, product));
});
