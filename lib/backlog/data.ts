import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { isoDay, startOfUtcDay } from "@/lib/calendar/days";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { findProduct, getProduct } from "@/lib/products/data";
import type { ItemPlanCells } from "@/lib/backlog/export-csv";
import { readActions, readTasks } from "@/lib/backlog/item-fields";
import {
  CATEGORIES,
  CLOSED_STATUSES,
  STATUSES,
  type Category,
  type ItemDetail,
  type ItemFilter,
  type ItemListFilter,
  type ItemSummary,
  type ParsedBacklog,
  type PhaseTask,
  type Status,
} from "@/lib/backlog/schema";

const summarySelect = {
  key: true,
  title: true,
  category: true,
  priority: true,
  status: true,
  version: true,
  effortText: true,
  effortMinHours: true,
  effortMaxHours: true,
  updatedAt: true,
  dueDate: true,
  assignee: { select: { id: true, name: true, email: true } },
  phase: { select: { key: true, name: true } },
  components: { select: { component: { select: { slug: true, name: true } } }, orderBy: { component: { slug: "asc" } } },
} satisfies Prisma.BacklogItemSelect;

type SummaryRow = Prisma.BacklogItemGetPayload<{ select: typeof summarySelect }>;

function toSummary(row: SummaryRow): ItemSummary {
  return {
    key: row.key,
    title: row.title,
    category: row.category,
    priority: row.priority,
    status: row.status,
    version: row.version,
    effortText: row.effortText,
    effortMinHours: row.effortMinHours,
    effortMaxHours: row.effortMaxHours,
    phase: row.phase,
    components: row.components.map((link) => link.component),
    assignee: row.assignee,
    dueDate: row.dueDate ? isoDay(row.dueDate) : null,
    updatedAt: row.updatedAt.toISOString(),
  };
}

function orderFor(filter: Pick<ItemFilter, "sort" | "dir">): Prisma.BacklogItemOrderByWithRelationInput[] {
  const dir = filter.dir;
  const byKey: Prisma.BacklogItemOrderByWithRelationInput[] = [{ priority: { sort: "asc", nulls: "last" } }, { position: "asc" }, { key: "asc" }];
  switch (filter.sort) {
    case "title":
      return [{ title: dir }, ...byKey];
    case "category":
      return [{ category: dir }, ...byKey];
    case "priority":
      return [{ priority: { sort: dir, nulls: "last" } }, { position: "asc" }, { key: "asc" }];
    case "status":
      return [{ status: dir }, ...byKey];
    case "effort":
      return [{ effortMaxHours: { sort: dir, nulls: "last" } }, ...byKey];
    case "updated":
      return [{ updatedAt: dir }, ...byKey];
    case "due":
      return [{ dueDate: { sort: dir, nulls: "last" } }, ...byKey];
    default:
      return dir === "desc" ? [{ priority: { sort: "desc", nulls: "first" } }, { position: "desc" }, { key: "desc" }] : byKey;
  }
}

/** Who "me" is in `?assignee=me`: the signed-in person, or a token's owner. */
export type ListViewer = { userId: string | null };

/** The item list's filters as a WHERE clause: one definition for the list, its API and the export. */
function itemWhere(productId: string, filter: Partial<ItemListFilter>, viewer?: ListViewer, today = startOfUtcDay(new Date())): Prisma.BacklogItemWhereInput {
  const and: Prisma.BacklogItemWhereInput[] = [];
  if (filter.assignee) and.push(assigneeWhere(filter.assignee, viewer));
  if (filter.overdue === true) and.push({ dueDate: { lt: today }, status: { notIn: [...CLOSED_STATUSES] } });
  if (filter.overdue === false) and.push({ OR: [{ dueDate: null }, { dueDate: { gte: today } }, { status: { in: [...CLOSED_STATUSES] } }] });
  if (filter.q) {
    and.push({
      OR: [
        { key: { contains: filter.q, mode: "insensitive" } },
        { title: { contains: filter.q, mode: "insensitive" } },
        { description: { contains: filter.q, mode: "insensitive" } },
        { source: { contains: filter.q, mode: "insensitive" } },
      ],
    });
  }
  return {
    productId,
    ...(filter.category && { category: filter.category }),
    ...(filter.status && { status: filter.status }),
    ...(filter.priority && { priority: filter.priority === "none" ? null : filter.priority }),
    ...(filter.phase && (filter.phase === "none" ? { phaseId: null } : { phase: { key: filter.phase } })),
    ...(filter.component && { components: { some: { component: { slug: filter.component } } } }),
    ...(and.length > 0 && { AND: and }),
  };
}

function assigneeWhere(assignee: string, viewer?: ListViewer): Prisma.BacklogItemWhereInput {
  if (assignee === "none") return { assigneeId: null };
  if (assignee === "me") {
    // A machine token without an owner is nobody: "me" matches no item rather than every item.
    return viewer?.userId ? { assigneeId: viewer.userId } : { id: { in: [] } };
  }
  return { assignee: { email: assignee } };
}



/** Items matching the filter, one page at a time, with the total count for paging. */
export async function listItems(filter: ItemFilter, viewer?: ListViewer): Promise<{ items: ItemSummary[]; total: number; product: string | null }> {
  const product = await findProduct(filter.product);
  if (!product) {
    if (filter.product) throw new AppError("not_found", `No product "${filter.product}".`);
    return { items: [], total: 0, product: null };
  }
  const where = itemWhere(product.id, filter, viewer);
  const db = getDb();
  const [rows, total] = await Promise.all([
    db.backlogItem.findMany({ where, select: summarySelect, orderBy: orderFor(filter), take: filter.limit, skip: filter.offset }),
    db.backlogItem.count({ where }),
  ]);
  return { items: rows.map(toSummary), total, product: product.slug };
}

export async function getItem(key: string, productSlug?: string): Promise<ItemDetail> {
  const product = await getProduct(productSlug);
  const row = await getDb().backlogItem.findUnique({
    where: { productId_key: { productId: product.id, key } },
    select: {
      ...summarySelect,
      latestResult: true,
      statusNote: true,
      source: true,
      fileRefs: true,
      description: true,
      actions: true,
      checkNames: true,
      requirementCodes: true,
      createdAt: true,
      watchers: { select: { user: { select: { id: true, name: true, email: true } } }, orderBy: { createdAt: "asc" } },
      events: {
        orderBy: [{ at: "desc" }, { id: "asc" }],
        take: 500,
        include: { run: { select: { id: true, imageTag: true, architecture: true, component: { select: { name: true } } } } },
      },
    },
  });
  if (!row) throw new AppError("not_found", `No item "${key}" in product "${product.slug}".`);
  return {
    ...toSummary(row),
    product: product.slug,
    latestResult: row.latestResult,
    statusNote: row.statusNote,
    source: row.source,
    fileRefs: row.fileRefs,
    description: row.description,
    actions: readActions(row.actions),
    checkNames: row.checkNames,
    requirements: row.requirementCodes,
    watchers: row.watchers.map((w) => w.user),
    createdAt: row.createdAt.toISOString(),
    history: row.events.map((e) => ({
      id: e.id,
      actor: e.actor,
      at: e.at.toISOString(),
      field: e.field,
      oldValue: e.oldValue,
      newValue: e.newValue,
      note: e.note,
      runId: e.runId,
      run: e.run ? { id: e.run.id, component: e.run.component?.name ?? null, tag: e.run.imageTag, architecture: e.run.architecture } : null,
    })),
  };
}

export type CategoryCounts = { total: number; open: number; done: number };
export type PhaseProgress = {
  key: string;
  order: number;
  name: string;
  estimateText: string | null;
  deliverable: string | null;
  tasks: PhaseTask[];
  total: number;
  done: number;
  progress: number;
};
export type BacklogSummary = {
  product: string | null;
  categories: Record<Category, CategoryCounts>;
  statuses: Record<Status, number>;
  remainingEffort: { minHours: number; maxHours: number; unestimated: number };
  phases: PhaseProgress[];
};

const isClosed = (status: Status) => (CLOSED_STATUSES as readonly Status[]).includes(status);

/** Counts computed from the items themselves: never typed by hand. */
export async function getSummary(productSlug?: string): Promise<BacklogSummary> {
  const product = await findProduct(productSlug);
  if (!product && productSlug) throw new AppError("not_found", `No product "${productSlug}".`);
  const categories = Object.fromEntries(CATEGORIES.map((c) => [c, { total: 0, open: 0, done: 0 }])) as Record<Category, CategoryCounts>;
  const statuses = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  const remainingEffort = { minHours: 0, maxHours: 0, unestimated: 0 };
  if (!product) return { product: null, categories, statuses, remainingEffort, phases: [] };

  const db = getDb();
  const [groups, phases, phaseGroups] = await Promise.all([
    db.backlogItem.groupBy({
      by: ["category", "status"],
      where: { productId: product.id },
      _count: { _all: true },
      _sum: { effortMinHours: true, effortMaxHours: true },
    }),
    db.phase.findMany({ where: { productId: product.id }, orderBy: { order: "asc" } }),
    db.backlogItem.groupBy({ by: ["phaseId", "status"], where: { productId: product.id, phaseId: { not: null } }, _count: { _all: true } }),
  ]);
  const unestimated = await db.backlogItem.count({
    where: { productId: product.id, status: { notIn: [...CLOSED_STATUSES] }, effortMaxHours: null },
  });

  for (const g of groups) {
    const counts = categories[g.category];
    counts.total += g._count._all;
    statuses[g.status] += g._count._all;
    if (isClosed(g.status)) counts.done += g._count._all;
    else {
      counts.open += g._count._all;
      remainingEffort.minHours += g._sum.effortMinHours ?? 0;
      remainingEffort.maxHours += g._sum.effortMaxHours ?? 0;
    }
  }
  remainingEffort.unestimated = unestimated;

  return {
    product: product.slug,
    categories,
    statuses,
    remainingEffort,
    phases: phases.map((phase) => {
      const mine = phaseGroups.filter((g) => g.phaseId === phase.id);
      const total = mine.reduce((sum, g) => sum + g._count._all, 0);
      const done = mine.filter((g) => isClosed(g.status)).reduce((sum, g) => sum + g._count._all, 0);
      return {
        ...toPhase(phase),
        total,
        done,
        progress: total === 0 ? 0 : done / total,
      };
    }),
  };
}

type PhaseRow = { key: string; order: number; name: string; estimateText: string | null; deliverable: string | null; tasks: unknown };

function toPhase(row: PhaseRow) {
  return { key: row.key, order: row.order, name: row.name, estimateText: row.estimateText, deliverable: row.deliverable, tasks: readTasks(row.tasks) };
}

export type PhaseOption = { key: string; name: string };

export async function listPhases(productSlug?: string): Promise<PhaseOption[]> {
  const product = await findProduct(productSlug);
  if (!product) return [];
  return getDb().phase.findMany({ where: { productId: product.id }, orderBy: { order: "asc" }, select: { key: true, name: true } });
}

/**
 * The stored backlog in the importer's document shape, for the markdown and CSV exports. With a
 * filter, only the items the item list would show; `order: "list"` sorts them as the list does.
 */
export async function getBacklogDocument(
  productSlug?: string,
  options: { filter?: Partial<ItemListFilter>; order?: "document" | "list"; viewer?: ListViewer } = {},
): Promise<ParsedBacklog & { product: string; plan: ItemPlanCells }> {
  const product = await getProduct(productSlug);
  const db = getDb();
  const filter = options.filter ?? {};
  const [items, phases] = await Promise.all([
    db.backlogItem.findMany({
      where: itemWhere(product.id, filter, options.viewer),
      orderBy: options.order === "list" ? orderFor({ sort: filter.sort ?? "key", dir: filter.dir ?? "asc" }) : [{ position: "asc" }, { key: "asc" }],
      include: { components: { include: { component: { select: { imageRef: true, slug: true } } } }, assignee: { select: { name: true, email: true } } },
    }),
    db.phase.findMany({ where: { productId: product.id }, orderBy: { order: "asc" }, include: { items: { select: { key: true, position: true }, orderBy: [{ position: "asc" }, { key: "asc" }] } } }),
  ]);
  return {
    product: product.slug,
    title: product.name,
    items: items.map((item) => ({
      key: item.key,
      title: item.title,
      category: item.category,
      priority: item.priority,
      status: item.status,
      statusNote: item.statusNote,
      latestResult: item.latestResult,
      source: item.source,
      fileRefs: item.fileRefs,
      effortText: item.effortText,
      effortMinHours: item.effortMinHours,
      effortMaxHours: item.effortMaxHours,
      description: item.description,
      actions: readActions(item.actions),
      imageRefs: item.components.map((link) => link.component.imageRef ?? link.component.slug),
      // The export writes items as stored; how the document implied their links does not round-trip.
      componentHints: [],
      impliedRefs: [],
      checkNames: item.checkNames,
    })),
    phases: phases.map((phase) => ({
      ...toPhase(phase),
      itemKeys: phase.items.map((i) => i.key),
    })),
    summary: [],
    warnings: [],
    plan: Object.fromEntries(items.map((item) => [item.key, { owner: item.assignee ? item.assignee.name || item.assignee.email : null, dueDate: item.dueDate ? isoDay(item.dueDate) : null }])),
  };
}
