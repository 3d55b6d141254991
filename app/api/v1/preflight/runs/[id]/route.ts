import { NextResponse } from "next/server";
import { z } from "zod";
import { route } from "@/lib/http";
import { getRunWithItems } from "@/lib/history/data";
import { hideProduct, productFor } from "@/lib/products/data";

export const GET = route<{ id: string }>("read", async (_req, { params }, principal) => {
  const id = z.uuid("Unknown run id").parse((await params).id);
  const run = await getRunWithItems(id);
  await productFor(principal, run.product, "read").catch(hideProduct(`No preflight run ${id}.`));
  return NextResponse.json(run);
});
