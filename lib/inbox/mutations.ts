import "server-only";
import { getDb } from "@/lib/db";
import { ownRows } from "./data";
import type { InboxOwner, MarkReadInput, MarkReadResult } from "./schema";

/**
 * Marks some of the owner's notifications read, or all of them. Only their own unread rows change:
 * ids of others' rows (or unknown ones) mark nothing, so the answer never tells whose they are.
 */
export async function markNotificationsRead(owner: InboxOwner, input: MarkReadInput): Promise<MarkReadResult> {
  return getDb().$transaction(async (tx) => {
    const mine = ownRows(owner);
    const { count } = await tx.notification.updateMany({
      where: { ...mine, readAt: null, ...("ids" in input && { id: { in: input.ids } }) },
      data: { readAt: new Date() },
    });
    const unread = await tx.notification.count({ where: { ...mine, readAt: null } });
    return { marked: count, unread };
  });
}
