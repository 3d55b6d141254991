import { NextResponse } from "next/server";
import { actorOf } from "@/lib/auth/schema";
import { productQuerySchema } from "@/lib/backlog/schema";
import { getComponentBoard } from "@/lib/component-board/data";
import { AppError } from "@/lib/errors";
import { saveException } from "@/lib/exceptions/mutations";
import { exceptionKindSchema, exceptionWriteSchema } from "@/lib/exceptions/schema";
import { readJson, readQuery, route } from "@/lib/http";
import { productFor } from "@/lib/products/data";

type Params = { slug: string; kind: string };

/** Creates (no version) or updates (with version) the component's privileged or scratch exception. */
export const PUT = route<Params>("edit_items", async (req, { params }, principal) => {
  const { slug, kind: rawKind } = await params;
  const kind = exceptionKindSchema.safeParse(rawKind);
  if (!kind.success) throw new AppError("not_found", `No exception kind "${rawKind}": use privileged or scratch.`);
  const product = (await productFor(principal, readQuery(req, productQuerySchema).product, "edit_items")).slug;
  const write = await readJson(req, exceptionWriteSchema);
  const saved = await saveException({ productSlug: product, componentSlug: slug, kind: kind.data, write, actor: actorOf(principal) });
  return NextResponse.json({ exception: saved.exception, board: await getComponentBoard(slug, product) });
});
