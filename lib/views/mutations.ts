import { Prisma } from "@/generated/prisma/client";
import type { Principal } from "@/lib/auth/schema";
import { getDb } from "@/lib/db";
import { isUuid } from "@/lib/encoding";
import { AppError } from "@/lib/errors";
import { findProductFor, mayOn } from "@/lib/products/data";
import { toViewSummary, viewSelect } from "@/lib/views/data";
import { viewOwnerId, type SavedViewSummary } from "@/lib/views/schema";


/**
 * Saves a view for its owner on a product (the door has checked the product and, for a shared
 * view, the right to share). The unique key settles a duplicate name, also between two tabs.
 */
export async function createSavedView(input: { productId: string; ownerId: string; name: string; query: string; shared: boolean }): Promise<SavedViewSummary> {
  try {
    const row = await getDb().$transaction((tx) =>
      tx.savedView.create({
        data: { productId: input.productId, userId: input.ownerId, name: input.name, query: input.query, shared: input.shared },
        select: viewSelect,
      }),
    );
    return toViewSummary(row, input.ownerId);
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("conflict", `You already have a view named "${input.name}" on this product: pick another name, or delete that view first.`);
    }
    throw error;
  }
}

/**
 * Deletes a view: its owner's, or any for an admin. Someone else's personal view does not exist
 * for the caller (404), nor does a shared one on a product they cannot see; a shared one they can
 * see is theirs to use, not to delete (403).
 */
export async function deleteSavedView(input: { id: string; principal: Principal }): Promise<void> {
  const missing = () => new AppError("not_found", `No saved view "${input.id}".`);
  if (!isUuid(input.id)) throw missing();
  const ownerId = viewOwnerId(input.principal);
  const db = getDb();
  const view = await db.savedView.findUnique({ where: { id: input.id }, select: { userId: true, shared: true, product: { select: { slug: true } } } });
  if (!view) throw missing();
  // An admin moderates by their role on the view's product (a viewer member there moderates nothing).
  const isAdmin = await mayOn(input.principal, view.product.slug, "manage_settings").catch(() => false);
  const mine = ownerId !== null && view.userId === ownerId;
  if (!mine && !isAdmin) {
    if (!view.shared || !(await findProductFor(input.principal, view.product.slug))) throw missing();
    throw new AppError("forbidden", "Only the person who saved a view (or an admin) may delete it.");
  }
  // The owner in the WHERE clause: a view deleted or changed hands meanwhile is a 404, not a stray delete.
  const deleted = await db.$transaction((tx) => tx.savedView.deleteMany({ where: { id: input.id, ...(isAdmin ? {} : { userId: view.userId }) } }));
  if (deleted.count === 0) throw missing();
}
