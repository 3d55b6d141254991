import { NextResponse } from "next/server";
import { getBoardHistoryPage } from "@/lib/component-board/data";
import { historyQuerySchema } from "@/lib/component-board/schema";
import { readQuery, route } from "@/lib/http";
import { productFor } from "@/lib/products/data";

type Params = { slug: string };

/** One page of the board's run history alone: what "Show more runs" loads. */
export const GET = route<Params>("read", async (req, { params }, principal) => {
  const { slug } = await params;
  const { product: asked, ...paging } = readQuery(req, historyQuerySchema);
  const product = (await productFor(principal, asked, "read")).slug;
  return NextResponse.json(await getBoardHistoryPage(slug, product, paging));
});
