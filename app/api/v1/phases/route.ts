import { NextResponse } from "next/server";
import { productQuerySchema } from "@/lib/backlog/schema";
import { listPhaseBoards } from "@/lib/phases/data";
import { readQuery, route } from "@/lib/http";

export const GET = route("read", async (req) => {
  const { product } = readQuery(req, productQuerySchema);
  return NextResponse.json(await listPhaseBoards(product));
});
