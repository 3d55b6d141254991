import { NextResponse } from "next/server";
import { z } from "zod";
import { actorOf } from "@/lib/auth/schema";
import { productQuerySchema } from "@/lib/backlog/schema";
import { readJson, readQuery, route } from "@/lib/http";
import { productFor } from "@/lib/products/data";
import { assignRun } from "@/lib/preflight/mutations";
import { assignRunSchema } from "@/lib/preflight/schema";

/** Attaches an unassigned run to a component (named, or created from its image) and reconciles it. */
export const POST = route<{ id: string }>("edit_items", async (req, { params }, principal) => {
  const runId = z.uuid("Unknown run id").parse((await params).id);
  const product = (await productFor(principal, readQuery(req, productQuerySchema).product, "edit_items")).slug;
  const body = await readJson(req, assignRunSchema);
  const result = await assignRun({ runId, productSlug: product, componentSlug: body.component, createComponent: body.createComponent, force: body.force, actor: actorOf(principal) });
  return NextResponse.json(result);
});
