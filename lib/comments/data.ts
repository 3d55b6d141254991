import "server-only";
import type { Principal } from "@/lib/auth/schema";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { ProductRef } from "@/lib/products/data";
import type { MentionUser } from "./mentions";
import { mayChangeComment, type CommentView } from "./schema";

const commentSelect = { id: true, actor: true, userId: true, body: true, mentions: true, editedAt: true, createdAt: true } as const;

type CommentRow = { id: string; actor: string; userId: string | null; body: string; mentions: string[]; editedAt: Date | null; createdAt: Date };

/** Rows as the API shows them to `principal`, with the people they mention (deactivated ones too: it is history). */
async function toViews(rows: CommentRow[], principal: Principal): Promise<CommentView[]> {
  const ids = [...new Set(rows.flatMap((row) => row.mentions))];
  const users = ids.length === 0 ? [] : await getDb().user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, email: true } });
  const byId = new Map<string, MentionUser>(users.map((user) => [user.id, user]));
  return rows.map((row) => ({
    id: row.id,
    author: { id: row.userId, name: row.actor },
    body: row.body,
    createdAt: row.createdAt.toISOString(),
    editedAt: row.editedAt?.toISOString() ?? null,
    mentions: row.mentions.map((id) => byId.get(id)).filter((user): user is MentionUser => user !== undefined),
    canEdit: mayChangeComment(principal, row),
  }));
}

/** An item's comments, oldest first; 404 for an item the product does not hold. */
export async function listComments(input: { product: ProductRef; key: string; principal: Principal }): Promise<CommentView[]> {
  const item = await getDb().backlogItem.findUnique({
    where: { productId_key: { productId: input.product.id, key: input.key } },
    select: { comments: { select: commentSelect, orderBy: [{ createdAt: "asc" }, { id: "asc" }] } },
  });
  if (!item) throw new AppError("not_found", `No item "${input.key}" in product "${input.product.slug}".`);
  return toViews(item.comments, input.principal);
}

/** One comment of an item, as the API shows it; 404 when it is not there (any more). */
export async function getComment(input: { product: ProductRef; key: string; id: string; principal: Principal }): Promise<CommentView> {
  const row = await getDb().comment.findFirst({
    where: { id: input.id, item: { productId: input.product.id, key: input.key } },
    select: commentSelect,
  });
  if (!row) throw new AppError("not_found", `No comment ${input.id} on item "${input.key}".`);
  const [view] = await toViews([row], input.principal);
  return view!;
}
