import { NextResponse } from "next/server";
import { productQuerySchema } from "@/lib/backlog/schema";
import { getPhaseBoard } from "@/lib/phases/data";
import { readQuery, route } from "@/lib/http";

type Params = { key: string };

export const GET = route<Params>("read", async (req, { params }) => {
  const { key } = await params;
  const { product } = readQuery(req, productQuerySchema);
  return NextResponse.json(await getPhaseBoard(key, product));
});
