import { NextResponse } from "next/server";
import { getBoardGridPage } from "@/lib/component-board/data";
import { gridQuerySchema } from "@/lib/component-board/schema";
import { readQuery, route } from "@/lib/http";
import { productFor } from "@/lib/products/data";

type Params = { slug: string };

/** One page of the board's grid alone: what "Show older tags" loads. */
export const GET = route<Params>("read", async (req, { params }, principal) => {
  const { slug } = await params;
  const { product: asked, ...paging } = readQuery(req, gridQuerySchema);
  const product = (await productFor(principal, asked, "read")).slug;
  return NextResponse.json(await getBoardGridPage(slug, product, paging));
});
