import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { getDb } from "@/lib/db";
import type { SavedViewSummary } from "@/lib/views/schema";

export const viewSelect = {
  id: true,
  name: true,
  query: true,
  shared: true,
  userId: true,
  user: { select: { name: true } },
} satisfies Prisma.SavedViewSelect;

type ViewRow = Prisma.SavedViewGetPayload<{ select: typeof viewSelect }>;

export function toViewSummary(row: ViewRow, ownerId: string | null): SavedViewSummary {
  return { id: row.id, name: row.name, query: row.query, shared: row.shared, owner: { name: row.user.name }, mine: row.userId === ownerId };
}

const byName = new Intl.Collator("en", { sensitivity: "base", numeric: true });

/**
 * The views a person sees on a product: their own (shared or not) and the ones others shared;
 * their own first, each group by name. `ownerId` null (an ownerless token): the shared ones only.
 */
export async function listSavedViews(productId: string, ownerId: string | null): Promise<SavedViewSummary[]> {
  const rows = await getDb().savedView.findMany({
    where: { productId, OR: [{ shared: true }, ...(ownerId ? [{ userId: ownerId }] : [])] },
    select: viewSelect,
  });
  return rows
    .map((row) => toViewSummary(row, ownerId))
    .sort((a, b) => Number(b.mine) - Number(a.mine) || byName.compare(a.name, b.name) || a.owner.name.localeCompare(b.owner.name) || a.id.localeCompare(b.id));
}
