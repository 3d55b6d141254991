import { Prisma } from "@/generated/prisma/client";
import { actorOf, type Actor, type Principal } from "@/lib/auth/schema";
import { recordEvents } from "@/lib/backlog/mutations";
import { getDb, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { peopleWhoSee, type ProductRef } from "@/lib/products/data";
import { cutAtWord } from "@/lib/excerpt";
import { emit } from "@/lib/outbox/mutations";
import { mentionHandles, resolveMentions, type MentionUser } from "./mentions";
import { assertReadableComment } from "./readable";
import { mayChangeComment } from "./schema";

// Writes of comments. Each is one short transaction that also writes the item's history (field
// "comment"), so the timeline says who commented, edited (old and new text) or deleted, and when.
// Callers have already checked the caller's permission on the product (productFor).

type Target = { product: ProductRef; key: string };

async function findItemId(tx: Tx, { product, key }: Target): Promise<string> {
  const item = await tx.backlogItem.findUnique({ where: { productId_key: { productId: product.id, key } }, select: { id: true } });
  if (!item) throw new AppError("not_found", `No item "${key}" in product "${product.slug}".`);
  return item.id;
}

/**
 * Active people who may see the product (lib/products/data.ts peopleWhoSee).
 */
async function mentionableUsers(tx: Tx, productId: string): Promise<MentionUser[]> {
  const product = await tx.product.findUniqueOrThrow({ where: { id: productId }, select: { id: true, restricted: true } });
  return tx.user.findMany({ where: peopleWhoSee(product), select: { id: true, name: true, email: true } });
}

async function mentionIds(tx: Tx, productId: string, handles: string[]): Promise<string[]> {
  if (handles.length === 0) return [];
  return resolveMentions(handles, await mentionableUsers(tx, productId)).map((user) => user.id);
}

/** Adds a comment; returns its id. */
export async function addComment(input: Target & { body: string; actor: Actor }): Promise<string> {
  // Reading the markdown is CPU work: done before the transaction opens.
  assertReadableComment(input.body);
  const handles = mentionHandles(input.body);
  return getDb().$transaction(async (tx) => {
    const itemId = await findItemId(tx, input);
    const mentions = await mentionIds(tx, input.product.id, handles);
    const comment = await tx.comment.create({
      data: { itemId, actor: input.actor.name, userId: "userId" in input.actor ? (input.actor.userId ?? null) : null, body: input.body, mentions },
      select: { id: true },
    });
    await recordEvents(tx, itemId, input.actor, [{ field: "comment", oldValue: null, newValue: input.body, note: "commented" }]);
    await announceComment(tx, { itemId, productId: input.product.id, commentId: comment.id, body: input.body, mentioned: mentions, actor: input.actor });
    return comment.id;
  });
}

/** item.commented for the item's followers, item.mentioned for the people the text names. */
async function announceComment(
  tx: Tx,
  input: { itemId: string; productId: string; commentId: string; body: string; mentioned: string[]; actor: Actor; edit?: boolean },
): Promise<void> {
  const item = await tx.backlogItem.findUniqueOrThrow({ where: { id: input.itemId }, select: { key: true, title: true } });
  const people = input.mentioned.length ? await tx.user.findMany({ where: { id: { in: input.mentioned } }, select: { id: true, name: true } }) : [];
  const common = { item, commentId: input.commentId, excerpt: cutAtWord(input.body.replace(/\s+/g, " ").trim(), 280) };
  await emit(tx, input.actor, [
    ...(input.edit ? [] : [{ type: "item.commented" as const, productId: input.productId, data: common }]),
    ...(people.length ? [{ type: "item.mentioned" as const, productId: input.productId, data: { ...common, mentioned: people } }] : []),
  ]);
}

type CommentTarget = Target & { id: string; principal: Principal };

/** The comment, on that item of that product, if the principal may change it: else 404 or 403. */
async function findOwnComment(tx: Tx, input: CommentTarget) {
  const itemId = await findItemId(tx, input);
  const comment = await tx.comment.findFirst({ where: { id: input.id, itemId }, select: { id: true, itemId: true, userId: true, body: true, updatedAt: true } });
  if (!comment) throw new AppError("not_found", `No comment ${input.id} on item "${input.key}".`);
  if (!mayChangeComment(input.principal, comment)) {
    throw new AppError("forbidden", "Only the comment's author or an admin may change it.");
  }
  return comment;
}

/**
 * Replaces a comment's text. The UPDATE only matches the version the caller read, so of two
 * edits at once one wins and the other gets 409 instead of silently overwriting it.
 */
export async function editComment(input: CommentTarget & { body: string }): Promise<void> {
  assertReadableComment(input.body);
  const handles = mentionHandles(input.body);
  await getDb().$transaction(async (tx) => {
    const comment = await findOwnComment(tx, input);
    if (comment.body === input.body) return;
    const mentions = await mentionIds(tx, input.product.id, handles);
    const updated = await tx.comment.updateMany({
      where: { id: comment.id, updatedAt: comment.updatedAt },
      data: { body: input.body, mentions, editedAt: new Date() },
    });
    if (updated.count === 0) throw new AppError("conflict", "Someone changed this comment at the same moment; reload and try again.");
    await recordEvents(tx, comment.itemId, actorOf(input.principal), [{ field: "comment", oldValue: comment.body, newValue: input.body, note: "edited a comment" }]);
    // An edit announces nothing, except to people it mentions for the first time.
    const before = await mentionIds(tx, input.product.id, mentionHandles(comment.body));
    const added = mentions.filter((id) => !before.includes(id));
    await announceComment(tx, { itemId: comment.itemId, productId: input.product.id, commentId: comment.id, body: input.body, mentioned: added, actor: actorOf(input.principal), edit: true });
  });
}

/**
 * Deletes a comment for good: its text also leaves the item's history (someone who pasted a secret
 * and deleted it must not find it still readable there); the history keeps that it was written,
 * edited and deleted, by whom and when.
 */
export async function deleteComment(input: CommentTarget): Promise<void> {
  await getDb().$transaction(async (tx) => {
    const comment = await findOwnComment(tx, input);
    const deleted = await tx.comment.deleteMany({ where: { id: comment.id } });
    if (deleted.count === 0) throw new AppError("not_found", `No comment ${input.id} on item "${input.key}".`);
    await scrubCommentText(tx, comment.itemId, comment.body);
    await recordEvents(tx, comment.itemId, actorOf(input.principal), [{ field: "comment", oldValue: null, newValue: null, note: "deleted a comment" }]);
  });
}

/**
 * Removes a comment's texts from its item's "comment" events: its last text, and, walking its edits
 * back (each edit's old text is the text before), every earlier one.
 */
async function scrubCommentText(tx: Tx, itemId: string, lastBody: string): Promise<void> {
  const events = await tx.itemEvent.findMany({ where: { itemId, field: "comment" }, orderBy: [{ at: "desc" }, { id: "desc" }], select: { id: true, oldValue: true, newValue: true } });
  const texts = new Set<string>([lastBody]);
  const scrub: string[] = [];
  for (const event of events) {
    if (typeof event.newValue !== "string" || !texts.has(event.newValue)) continue;
    scrub.push(event.id);
    if (typeof event.oldValue === "string") texts.add(event.oldValue);
  }
  if (scrub.length) await tx.itemEvent.updateMany({ where: { id: { in: scrub } }, data: { oldValue: Prisma.JsonNull, newValue: Prisma.JsonNull } });
}
