import "server-only";
import { isoDay } from "@/lib/calendar/days";
import type { Prisma } from "@/generated/prisma/client";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { findProduct, getProduct } from "@/lib/products/data";
import { listItems } from "@/lib/backlog/data";
import { readTasks } from "@/lib/backlog/item-fields";
import { CLOSED_STATUSES, itemFilterSchema, STATUSES, type ItemSummary, type Status } from "@/lib/backlog/schema";
import { computeCriticalPath, criticalPathForPhase, type CriticalPathEntry } from "@/lib/phases/critical-path";
import { evaluatePhaseGate, isComponentSatisfied, sortGateComponents } from "@/lib/phases/gating";
import { computePhaseProgress } from "@/lib/phases/progress";
import type { PhaseBoard, PhaseBoardList, PhaseHeader, PhasePlan, PhaseWaitingOn } from "@/lib/phases/schema";

/** The most items one board shows (the item list's page cap); a phase holds a few dozen at most. */
const BOARD_LIMIT = 500;

const planSelect = {
  id: true,
  key: true,
  order: true,
  name: true,
  estimateText: true,
  deliverable: true,
  tasks: true,
  version: true,
  completedAt: true,
  completedBy: true,
  targetDate: true,
  dependsOn: { select: { dependsOn: { select: { key: true, order: true, name: true, completedAt: true } } } },
  gates: { select: { component: { select: { slug: true, name: true, role: true, type: true, certificationStatus: true } } } },
} satisfies Prisma.PhaseSelect;

type PlanRow = Prisma.PhaseGetPayload<{ select: typeof planSelect }>;

function header(row: PlanRow): Omit<PhaseHeader, "tasks"> {
  return {
    key: row.key,
    order: row.order,
    name: row.name,
    estimateText: row.estimateText,
    deliverable: row.deliverable,
    version: row.version,
    completedAt: row.completedAt?.toISOString() ?? null,
    completedBy: row.completedBy,
    targetDate: row.targetDate ? isoDay(row.targetDate) : null,
  };
}

/** One phase's dependencies, gate and dependents; `all` is every phase of the product (for dependents). */
function planOf(row: PlanRow, all: ReadonlyArray<PlanRow>): PhasePlan {
  const phases = row.dependsOn
    .map(({ dependsOn: p }) => ({ key: p.key, order: p.order, name: p.name, completed: p.completedAt !== null }))
    .sort((a, b) => a.order - b.order);
  const components = sortGateComponents(
    row.gates.map(({ component: c }) => ({ slug: c.slug, name: c.name, role: c.role, type: c.type, certificationStatus: c.certificationStatus, satisfied: isComponentSatisfied(c) })),
  );
  const { waitingOn, ...gate } = evaluatePhaseGate({ phases, components });
  const dependents = all
    .filter((other) => other.dependsOn.some(({ dependsOn }) => dependsOn.key === row.key))
    .map(({ key, order, name }) => ({ key, order, name }));
  return { dependencies: { phases, components }, dependents, blockedBy: waitingOn, gate };
}

async function loadPlan(productId: string): Promise<PlanRow[]> {
  return getDb().phase.findMany({ where: { productId }, orderBy: { order: "asc" }, select: planSelect });
}

/** Every open item holding a phase up, product-wide, the most held-up work first. */
async function loadCriticalPath(productId: string, plan: ReadonlyArray<PlanRow>): Promise<CriticalPathEntry[]> {
  const items = await getDb().backlogItem.findMany({
    where: { productId, status: { notIn: [...CLOSED_STATUSES] } },
    select: {
      key: true,
      title: true,
      status: true,
      priority: true,
      effortMinHours: true,
      effortMaxHours: true,
      phase: { select: { key: true } },
      components: { select: { component: { select: { slug: true, name: true } } }, orderBy: { component: { slug: "asc" } } },
    },
  });
  return computeCriticalPath(
    plan.map((row) => ({
      key: row.key,
      order: row.order,
      name: row.name,
      completed: row.completedAt !== null,
      dependsOn: row.dependsOn.map(({ dependsOn }) => dependsOn.key),
      gates: row.gates.map(({ component }) => ({ slug: component.slug, satisfied: isComponentSatisfied(component) })),
    })),
    items.map((item) => ({ ...item, phase: item.phase?.key ?? null, components: item.components.map((link) => link.component) })),
  );
}

/** One phase with its items grouped by status, progress, dependencies, gate and critical path. */
export async function getPhaseBoard(key: string, productSlug?: string): Promise<PhaseBoard> {
  const product = await getProduct(productSlug);
  const plan = await loadPlan(product.id);
  const row = plan.find((phase) => phase.key === key);
  if (!row) throw new AppError("not_found", `No phase "${key}" in product "${product.slug}".`);
  const [{ items }, criticalPath] = await Promise.all([
    listItems(itemFilterSchema.parse({ product: product.slug, phase: key, sort: "key", limit: BOARD_LIMIT })),
    loadCriticalPath(product.id, plan),
  ]);
  const columns = Object.fromEntries(STATUSES.map((s) => [s, [] as ItemSummary[]])) as Record<Status, ItemSummary[]>;
  for (const item of items) columns[item.status].push(item);
  return {
    product: product.slug,
    phase: { ...header(row), tasks: readTasks(row.tasks) },
    columns,
    progress: computePhaseProgress(items),
    ...planOf(row, plan),
    criticalPath: criticalPathForPhase(criticalPath, key),
  };
}

/** Every phase of a product in plan order, with progress, dependencies and gate, and the product's critical path. */
export async function listPhaseBoards(productSlug?: string): Promise<PhaseBoardList> {
  const product = await findProduct(productSlug);
  if (!product) {
    if (productSlug) throw new AppError("not_found", `No product "${productSlug}".`);
    return { product: null, phases: [], criticalPath: [] };
  }
  const plan = await loadPlan(product.id);
  const [items, criticalPath] = await Promise.all([
    getDb().backlogItem.findMany({
      where: { productId: product.id, phaseId: { not: null } },
      select: { phaseId: true, status: true, effortMinHours: true, effortMaxHours: true },
    }),
    loadCriticalPath(product.id, plan),
  ]);
  return {
    product: product.slug,
    phases: plan.map((row) => ({
      ...header(row),
      ...planOf(row, plan),
      progress: computePhaseProgress(items.filter((item) => item.phaseId === row.id)),
    })),
    criticalPath,
  };
}

/**
 * The phases gated on one component (e.g. the bundle phase waiting on an image), in plan order,
 * each with its whole gate, so a component's board can say what its certification holds up.
 */
export async function listPhasesWaitingOn(componentSlug: string, productSlug?: string): Promise<PhaseWaitingOn[]> {
  const product = await getProduct(productSlug);
  const db = getDb();
  const component = await db.component.findUnique({
    where: { productId_slug: { productId: product.id, slug: componentSlug } },
    select: { id: true, slug: true, certificationStatus: true },
  });
  if (!component) throw new AppError("not_found", `No component "${componentSlug}" in product "${product.slug}".`);
  const rows = await db.phase.findMany({
    where: { productId: product.id, gates: { some: { componentId: component.id } } },
    orderBy: { order: "asc" },
    select: planSelect,
  });
  return rows.map((row) => {
    const { blockedBy, gate } = planOf(row, []);
    return {
      key: row.key,
      order: row.order,
      name: row.name,
      completed: row.completedAt !== null,
      component: { slug: component.slug, certificationStatus: component.certificationStatus, satisfied: isComponentSatisfied(component) },
      blockedBy,
      gate,
    };
  });
}
