import "server-only";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { findProduct, getProduct } from "@/lib/products/data";
import { listItems } from "@/lib/backlog/data";
import { readTasks } from "@/lib/backlog/item-fields";
import { itemFilterSchema, STATUSES, type ItemSummary, type Status } from "@/lib/backlog/schema";
import { computePhaseProgress } from "@/lib/phases/progress";
import type { PhaseBoard, PhaseBoardSummary } from "@/lib/phases/schema";

/** The most items one board shows (the item list's page cap); a phase holds a few dozen at most. */
const BOARD_LIMIT = 500;

/** One phase with its items grouped by status, and progress computed from those items. */
export async function getPhaseBoard(key: string, productSlug?: string): Promise<PhaseBoard> {
  const product = await getProduct(productSlug);
  const phase = await getDb().phase.findUnique({ where: { productId_key: { productId: product.id, key } } });
  if (!phase) throw new AppError("not_found", `No phase "${key}" in product "${product.slug}".`);
  const { items } = await listItems(itemFilterSchema.parse({ product: product.slug, phase: key, sort: "key", limit: BOARD_LIMIT }));
  const columns = Object.fromEntries(STATUSES.map((s) => [s, [] as ItemSummary[]])) as Record<Status, ItemSummary[]>;
  for (const item of items) columns[item.status].push(item);
  return {
    product: product.slug,
    phase: { key: phase.key, order: phase.order, name: phase.name, estimateText: phase.estimateText, deliverable: phase.deliverable, tasks: readTasks(phase.tasks) },
    columns,
    progress: computePhaseProgress(items),
  };
}

/** Every phase of a product in plan order, with its progress. */
export async function listPhaseBoards(productSlug?: string): Promise<{ product: string | null; phases: PhaseBoardSummary[] }> {
  const product = await findProduct(productSlug);
  if (!product) {
    if (productSlug) throw new AppError("not_found", `No product "${productSlug}".`);
    return { product: null, phases: [] };
  }
  const db = getDb();
  const [phases, items] = await Promise.all([
    db.phase.findMany({ where: { productId: product.id }, orderBy: { order: "asc" } }),
    db.backlogItem.findMany({
      where: { productId: product.id, phaseId: { not: null } },
      select: { phaseId: true, status: true, effortMinHours: true, effortMaxHours: true },
    }),
  ]);
  return {
    product: product.slug,
    phases: phases.map((phase) => ({
      key: phase.key,
      order: phase.order,
      name: phase.name,
      estimateText: phase.estimateText,
      deliverable: phase.deliverable,
      progress: computePhaseProgress(items.filter((item) => item.phaseId === phase.id)),
    })),
  };
}
