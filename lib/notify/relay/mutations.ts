import "server-only";
import { getDb, type Tx } from "@/lib/db";
import { smtpConfigured } from "../email-config";
import { DEFAULT_PREFERENCES, type EventData, type NotifyEvent, type Preferences, type Reason } from "@/lib/outbox/schema";
import { describeEvent } from "../text";

// The relay: committed outbox rows → who hears about each (in-app notifications, email and webhook
// deliveries) → the queue's jobs, all in one transaction per batch. Rows are claimed with SKIP
// LOCKED, so any number of workers relay side by side and each row is fanned out exactly once;
// a worker that dies mid-batch rolls the batch back and another takes it.

export const DELIVER_QUEUE = "certboard-deliver";

/** Runs SQL inside the relay's transaction: pg-boss' `db` option, so its jobs commit with the fan-out. */
export type SqlExecutor = { executeSql: (text: string, values: unknown[]) => Promise<{ rows: unknown[] }> };
export type DeliverJob = { id: string; name: string; data: { deliveryId: string } };
export type JobWriter = (db: SqlExecutor, jobs: DeliverJob[]) => Promise<void>;

type Recipient = { userId: string; reason: Reason };

/** Claims up to `limit` undelivered outbox rows and fans them out; returns how many it handled. */
export async function relayBatch(writeJobs: JobWriter, limit = 100): Promise<number> {
  return getDb().$transaction(
    async (tx) => {
      const claimed = await tx.$queryRaw<{ id: string }[]>`
        SELECT id FROM "OutboxEvent" WHERE "dispatchedAt" IS NULL ORDER BY at, id LIMIT ${limit} FOR UPDATE SKIP LOCKED`;
      if (claimed.length === 0) return 0;
      const events = await tx.outboxEvent.findMany({
        where: { id: { in: claimed.map((row) => row.id) } },
        orderBy: [{ at: "asc" }, { id: "asc" }],
        include: { product: { select: { id: true, slug: true, restricted: true } } },
      });
      const email = smtpConfigured();
      // Every active webhook once per batch; each event picks its subscribers from them.
      const webhooks = await tx.webhook.findMany({ where: { active: true }, select: { id: true, productId: true, events: true } });
      const jobs: DeliverJob[] = [];
      for (const event of events) {
        const type = event.type as NotifyEvent;
        const recipients = (await recipientsOf(tx, event.productId, type, event.data)).filter((r) => r.userId !== event.actorUserId);
        const people = await visiblePeople(tx, event.product, recipients);
        const { text, link } = describeEvent({ type, actor: event.actor, data: event.data, product: event.product?.slug ?? null });
        if (people.length) {
          await tx.notification.createMany({
            data: people.map((p) => ({ userId: p.userId, eventId: event.id, productId: event.productId, type, reason: p.reason, text: text.slice(0, 2000), link })),
            skipDuplicates: true,
          });
        }
        const mailTo = email ? people.filter((p) => p.preferences[p.reason]) : [];
        const subscribed = webhooks.filter((w) => w.events.includes(type) && (w.productId === null || w.productId === event.productId));
        const deliveries = [
          ...subscribed.map((w) => ({ eventId: event.id, channel: "webhook", webhookId: w.id, target: w.id })),
          ...mailTo.map((p) => ({ eventId: event.id, channel: "email", userId: p.userId, target: p.email })),
        ];
        if (deliveries.length) {
          const created = await tx.delivery.createManyAndReturn({ data: deliveries, skipDuplicates: true, select: { id: true } });
          jobs.push(...created.map((d) => ({ id: d.id, name: DELIVER_QUEUE, data: { deliveryId: d.id } })));
        }
      }
      if (jobs.length) await writeJobs({ executeSql: async (text, values) => ({ rows: await tx.$queryRawUnsafe<unknown[]>(text, ...values) }) }, jobs);
      await tx.outboxEvent.updateMany({ where: { id: { in: events.map((e) => e.id) } }, data: { dispatchedAt: new Date() } });
      return events.length;
    },
    { timeout: 60_000, maxWait: 30_000 },
  );
}

/** Relays until the outbox is empty. */
export async function relayAll(writeJobs: JobWriter): Promise<number> {
  let total = 0;
  for (;;) {
    const handled = await relayBatch(writeJobs);
    total += handled;
    if (handled === 0) return total;
  }
}

/** The people an event concerns, each with the reason that decides whether they are also mailed. */
async function recipientsOf(tx: Tx, productId: string | null, type: NotifyEvent, data: unknown): Promise<Recipient[]> {
  if (!productId) return [];
  switch (type) {
    case "item.opened":
    case "item.reopened":
    case "item.status_changed":
    case "item.assigned":
      return followersOf(tx, productId, (data as EventData<"item.opened">).item.key);
    case "item.commented": {
      // The people the comment mentions hear of it once, as a mention.
      const { item, commentId } = data as EventData<"item.commented">;
      const comment = await tx.comment.findUnique({ where: { id: commentId }, select: { mentions: true } });
      return (await followersOf(tx, productId, item.key)).filter((r) => !comment?.mentions.includes(r.userId));
    }
    case "item.mentioned":
      return (data as EventData<"item.mentioned">).mentioned.map((p) => ({ userId: p.id, reason: "mentions" as const }));
    case "run.failed":
    case "run.regressed": {
      const component = (data as EventData<"run.failed">).run.component;
      return component ? ownersOf(tx, productId, [component.slug]) : [];
    }
    case "evidence.stale":
    case "exception.decided":
    case "component.status_changed":
      return ownersOf(tx, productId, [(data as EventData<"evidence.stale">).component.slug]);
    case "phase.completed":
    case "phase.gate_satisfied": {
      // The people with work in the phase: its items' assignees.
      const items = await tx.backlogItem.findMany({
        where: { productId, phase: { key: (data as EventData<"phase.completed">).phase.key }, assigneeId: { not: null } },
        select: { assigneeId: true },
        distinct: ["assigneeId"],
      });
      return items.map((i) => ({ userId: i.assigneeId!, reason: "watched" as const }));
    }
  }
}

/** An item's assignee (reason "assigned") and its watchers ("watched"). */
async function followersOf(tx: Tx, productId: string, key: string): Promise<Recipient[]> {
  const item = await tx.backlogItem.findUnique({
    where: { productId_key: { productId, key } },
    select: { assigneeId: true, watchers: { select: { userId: true } } },
  });
  if (!item) return [];
  const out: Recipient[] = item.assigneeId ? [{ userId: item.assigneeId, reason: "assigned" }] : [];
  for (const w of item.watchers) if (w.userId !== item.assigneeId) out.push({ userId: w.userId, reason: "watched" });
  return out;
}

/** The people a component's owner field names (by email or by name, ignoring case). */
async function ownersOf(tx: Tx, productId: string, slugs: string[]): Promise<Recipient[]> {
  const components = await tx.component.findMany({ where: { productId, slug: { in: slugs }, owner: { not: null } }, select: { owner: true } });
  const names = components.map((c) => c.owner!.trim()).filter(Boolean);
  if (names.length === 0) return [];
  const users = await tx.user.findMany({
    where: { OR: names.flatMap((name) => [{ email: { equals: name, mode: "insensitive" as const } }, { name: { equals: name, mode: "insensitive" as const } }]) },
    select: { id: true },
  });
  return users.map((u) => ({ userId: u.id, reason: "regressions" as const }));
}

/** Active people who may see the product (a restricted one: its members and admins), one entry each, with their email choices. */
async function visiblePeople(tx: Tx, product: { id: string; restricted: boolean } | null, recipients: Recipient[]) {
  const reasonOf = new Map<string, Reason>();
  for (const r of recipients) if (!reasonOf.has(r.userId)) reasonOf.set(r.userId, r.reason);
  if (reasonOf.size === 0) return [];
  const users = await tx.user.findMany({
    where: {
      id: { in: [...reasonOf.keys()] },
      active: true,
      ...(product?.restricted && { OR: [{ role: "admin" as const }, { memberships: { some: { productId: product.id } } }] }),
    },
    select: { id: true, email: true, notificationPreference: true },
  });
  return users.map((u) => ({
    userId: u.id,
    email: u.email,
    reason: reasonOf.get(u.id)!,
    preferences: (u.notificationPreference ?? DEFAULT_PREFERENCES) as Preferences,
  }));
}
