import { NextResponse, type NextRequest } from "next/server";
import { userIdOf, type Principal } from "@/lib/auth/schema";
import { getItem } from "@/lib/backlog/data";
import { productQuerySchema } from "@/lib/backlog/schema";
import { AppError } from "@/lib/errors";
import { readQuery, route } from "@/lib/http";
import { setWatching } from "@/lib/items/mutations";
import { productFor } from "@/lib/products/data";

type Params = { key: string };

/** PUT watches the item, DELETE stops watching; anyone who may read it may watch it. */
async function watch(req: NextRequest, params: Promise<Params>, principal: Principal, watching: boolean) {
  const { key } = await params;
  const userId = userIdOf(principal);
  if (!userId) throw new AppError("invalid", "Only a person watches items; this token belongs to no one.");
  const { slug } = await productFor(principal, readQuery(req, productQuerySchema).product, "read");
  await setWatching({ productSlug: slug, key, userId, watching });
  const item = await getItem(key, slug);
  return NextResponse.json({ watching, watchers: item.watchers });
}

export const PUT = route<Params>("read", (req, { params }, principal) => watch(req, params, principal, true));
export const DELETE = route<Params>("read", (req, { params }, principal) => watch(req, params, principal, false));
