import { NextResponse } from "next/server";
import { productQuerySchema } from "@/lib/backlog/schema";
import { getComment } from "@/lib/comments/data";
import { deleteComment, editComment } from "@/lib/comments/mutations";
import { commentIdSchema, commentInputSchema } from "@/lib/comments/schema";
import { AppError } from "@/lib/errors";
import { readJson, readQuery, route } from "@/lib/http";
import { principalOn, productFor } from "@/lib/products/data";

type Params = { key: string; id: string };

/** A comment id that is not a uuid names no comment: 404, like any unknown one. */
function commentId(id: string): string {
  const parsed = commentIdSchema.safeParse(id);
  if (!parsed.success) throw new AppError("not_found", `No comment ${id}.`);
  return parsed.data;
}

/** Own comments (admins: any). 200 `{ comment }`. */
export const PATCH = route<Params>("comment", async (req, { params }, principal) => {
  const { key, id: rawId } = await params;
  const product = await productFor(principal, readQuery(req, productQuerySchema).product, "comment");
  const { body } = await readJson(req, commentInputSchema);
  const id = commentId(rawId);
  // Moderation follows the role on this product: an admin who is a viewer here moderates nothing.
  const here = await principalOn(principal, product.slug);
  await editComment({ product, key, id, body, principal: here });
  return NextResponse.json({ comment: await getComment({ product, key, id, principal: here }) });
});

/** Own comments (admins: any). 200 `{ deleted: id }`; the item's history records it. */
export const DELETE = route<Params>("comment", async (req, { params }, principal) => {
  const { key, id: rawId } = await params;
  const product = await productFor(principal, readQuery(req, productQuerySchema).product, "comment");
  const id = commentId(rawId);
  await deleteComment({ product, key, id, principal: await principalOn(principal, product.slug) });
  return NextResponse.json({ deleted: id });
});
