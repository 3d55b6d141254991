import { NextResponse } from "next/server";
import { actorOf } from "@/lib/auth/schema";
import { productQuerySchema } from "@/lib/backlog/schema";
import { getComment, listComments } from "@/lib/comments/data";
import { addComment } from "@/lib/comments/mutations";
import { commentInputSchema } from "@/lib/comments/schema";
import { readJson, readQuery, route } from "@/lib/http";
import { principalOn, productFor } from "@/lib/products/data";

type Params = { key: string };

export const GET = route<Params>("read", async (req, { params }, principal) => {
  const { key } = await params;
  const product = await productFor(principal, readQuery(req, productQuerySchema).product, "read");
  return NextResponse.json({ comments: await listComments({ product, key, principal: await principalOn(principal, product.slug) }) });
});

export const POST = route<Params>("comment", async (req, { params }, principal) => {
  const { key } = await params;
  const product = await productFor(principal, readQuery(req, productQuerySchema).product, "comment");
  const { body } = await readJson(req, commentInputSchema);
  const id = await addComment({ product, key, body, actor: actorOf(principal) });
  return NextResponse.json({ comment: await getComment({ product, key, id, principal }) }, { status: 201 });
});
