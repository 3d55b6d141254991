import { NextResponse } from "next/server";
import { listItems } from "@/lib/backlog/data";
import { itemFilterSchema } from "@/lib/backlog/schema";
import { readQuery, route } from "@/lib/http";

export const GET = route("read", async (req) => {
  const { items, total } = await listItems(readQuery(req, itemFilterSchema));
  return NextResponse.json({ items, total });
});
