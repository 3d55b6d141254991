import "server-only";
import { isoDay } from "@/lib/calendar/days";
import type { Prisma } from "@/generated/prisma/client";
import { CLOSED_STATUSES } from "@/lib/backlog/schema";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { findProduct } from "@/lib/products/data";
import { commentExcerpt } from "@/lib/me/excerpt";
import type { MyMention, MyWork, MyWorkItem, MyWorkList } from "@/lib/me/schema";

/** Rows per section; the count says when there are more. */
const SECTION_ROWS = 100;
const MENTION_ROWS = 20;

const itemSelect = {
  key: true,
  title: true,
  priority: true,
  status: true,
  dueDate: true,
  assigneeId: true,
  assignee: { select: { name: true } },
} satisfies Prisma.BacklogItemSelect;

type ItemRow = Prisma.BacklogItemGetPayload<{ select: typeof itemSelect }>;

const toItem = (row: ItemRow, userId: string): MyWorkItem => ({
  key: row.key,
  title: row.title,
  priority: row.priority,
  status: row.status,
  dueDate: row.dueDate ? isoDay(row.dueDate) : null,
  assignee: row.assignee,
  assignedToMe: row.assigneeId === userId,
});

/** Soonest due first (undated last), then the most urgent priority, then the backlog's own order. */
const BY_DUE_THEN_PRIORITY: Prisma.BacklogItemOrderByWithRelationInput[] = [
  { dueDate: { sort: "asc", nulls: "last" } },
  { priority: { sort: "asc", nulls: "last" } },
  { position: "asc" },
  { key: "asc" },
];

async function itemList(userId: string, where: Prisma.BacklogItemWhereInput): Promise<MyWorkList<MyWorkItem>> {
  const db = getDb();
  const [rows, total] = await Promise.all([
    db.backlogItem.findMany({ where, select: itemSelect, orderBy: BY_DUE_THEN_PRIORITY, take: SECTION_ROWS }),
    db.backlogItem.count({ where }),
  ]);
  return { rows: rows.map((row) => toItem(row, userId)), total };
}

async function mentionList(productId: string, userId: string): Promise<MyWorkList<MyMention>> {
  const db = getDb();
  const where: Prisma.CommentWhereInput = { mentions: { has: userId }, item: { productId } };
  const [rows, total] = await Promise.all([
    db.comment.findMany({
      where,
      select: { id: true, actor: true, body: true, createdAt: true, item: { select: { key: true, title: true } } },
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      take: MENTION_ROWS,
    }),
    db.comment.count({ where }),
  ]);
  return {
    rows: rows.map((row) => ({ id: row.id, item: row.item, author: row.actor, at: row.createdAt.toISOString(), excerpt: commentExcerpt(row.body) })),
    total,
  };
}

/**
 * One person's work on one product: the open items assigned to them, the open items they watch,
 * those of either kind past their due date (before `today`, a UTC calendar day "YYYY-MM-DD"), and
 * the comments that mention them, newest first. The caller has checked the product is theirs to see.
 */
export async function getMyWork(input: { userId: string; productSlug: string; today: string }): Promise<MyWork> {
  const product = await findProduct(input.productSlug);
  if (!product) throw new AppError("not_found", `No product "${input.productSlug}".`);
  const open: Prisma.BacklogItemWhereInput = { productId: product.id, status: { notIn: [...CLOSED_STATUSES] } };
  const assignedToMe: Prisma.BacklogItemWhereInput = { assigneeId: input.userId };
  const watchedByMe: Prisma.BacklogItemWhereInput = { watchers: { some: { userId: input.userId } } };
  const [assigned, watching, overdue, mentioned] = await Promise.all([
    itemList(input.userId, { ...open, ...assignedToMe }),
    itemList(input.userId, { ...open, ...watchedByMe }),
    itemList(input.userId, { ...open, dueDate: { lt: new Date(`${input.today}T00:00:00Z`) }, OR: [assignedToMe, watchedByMe] }),
    mentionList(product.id, input.userId),
  ]);
  return { product: { slug: product.slug, name: product.name }, today: input.today, assigned, watching, overdue, mentioned };
}
