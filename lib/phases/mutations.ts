import type { Actor } from "@/lib/auth/schema";
import { emit, type Who } from "@/lib/outbox/mutations";
import { getDb, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { resolveProductForWrite } from "@/lib/products/mutations";
import { findCycle } from "@/lib/phases/dependency-graph";
import { evaluatePhaseGate, type PhaseGate } from "@/lib/phases/gating";
import type { PhasePatch } from "@/lib/phases/schema";
import { dayStart } from "@/lib/calendar/days";

type PhaseRow = { id: string; key: string; order: number; name: string; version: number; completedAt: Date | null; targetDate: Date | null };
type Product = { id: string; slug: string };

const sameSet = (a: ReadonlyArray<string>, b: ReadonlyArray<string>) => a.length === b.length && a.every((value) => b.includes(value));

/**
 * Completes or reopens a phase and/or replaces what it waits for, in one transaction. Completion is
 * refused (409, naming what is missing) while a prerequisite phase is open or a gated component is
 * not certified and published; a stale `version` is refused (409) and changes nothing.
 */
export async function updatePhase(input: { productSlug?: string; key: string; patch: PhasePatch; actor: Actor }) {
  const { version, completed, dependsOn, gates, targetDate } = input.patch;
  return getDb().$transaction(async (tx) => {
    const product = await resolveProductForWrite(tx, input.productSlug);
    // One plan change per product at a time: the cycle check and the gate read see settled dependencies.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`certboard-phase-plan:${product.id}`}))`;
    const phase = await tx.phase.findUnique({
      where: { productId_key: { productId: product.id, key: input.key } },
      select: { id: true, key: true, order: true, name: true, version: true, completedAt: true, targetDate: true },
    });
    if (!phase) throw new AppError("not_found", `No phase "${input.key}" in product "${product.slug}".`);
    if (phase.version !== version) throw staleVersion(phase, version);

    const changed: string[] = [];
    if (dependsOn !== undefined && (await replaceDependsOn(tx, product, phase, dependsOn))) changed.push("dependsOn");
    if (gates !== undefined && (await replaceGates(tx, product, phase, gates))) changed.push("gates");
    const newTarget = targetDate === undefined ? undefined : targetDate === null ? null : dayStart(targetDate);
    if (newTarget !== undefined && newTarget?.getTime() !== phase.targetDate?.getTime()) changed.push("targetDate");
    const isComplete = phase.completedAt !== null;
    if (completed !== undefined && completed !== isComplete) {
      if (completed) {
        const gate = await readGate(tx, phase.id);
        if (!gate.canComplete) {
          throw new AppError("conflict", `Phase ${phase.order} (${phase.name}) cannot be marked complete yet. ${gate.reason}`, { blockedBy: gate.waitingOn });
        }
      }
      changed.push("completed");
    }
    if (changed.length === 0) return { key: phase.key, version: phase.version, changed };

    const updated = await tx.phase.updateMany({
      where: { id: phase.id, version },
      data: {
        ...(changed.includes("completed") && (completed ? { completedAt: new Date(), completedBy: input.actor.name } : { completedAt: null, completedBy: null })),
        ...(changed.includes("targetDate") && { targetDate: newTarget }),
        version: { increment: 1 },
      },
    });
    if (updated.count === 0) throw staleVersion(phase, version);
    if (changed.includes("completed") && completed) {
      await emit(tx, input.actor, [{ type: "phase.completed", productId: product.id, data: { phase: { key: phase.key, title: phase.name } } }]);
      const dependents = await tx.phaseDependency.findMany({ where: { dependsOnId: phase.id }, select: { phaseId: true } });
      await announceOpenedGates(tx, input.actor, dependents.map((d) => d.phaseId));
    }
    return { key: phase.key, version: version + 1, changed };
  });
}

/** Replaces the phases `phase` waits for; refuses unknown keys, itself and cycles. True when it changed. */
async function replaceDependsOn(tx: Tx, product: Product, phase: PhaseRow, keys: string[]): Promise<boolean> {
  if (keys.includes(phase.key)) throw new AppError("invalid", `dependsOn: phase ${phase.key} cannot depend on itself.`);
  const phases = await tx.phase.findMany({ where: { productId: product.id }, select: { id: true, key: true } });
  const idOf = new Map(phases.map((p) => [p.key, p.id]));
  const keyOf = new Map(phases.map((p) => [p.id, p.key]));
  const unknown = keys.filter((key) => !idOf.has(key));
  if (unknown.length > 0) {
    throw new AppError("invalid", `dependsOn: no ${unknown.length === 1 ? "phase" : "phases"} ${unknown.map((k) => `"${k}"`).join(", ")} in product "${product.slug}".`);
  }

  const edges = await tx.phaseDependency.findMany({ where: { phase: { productId: product.id } }, select: { phaseId: true, dependsOnId: true } });
  const current = edges.filter((edge) => edge.phaseId === phase.id).map((edge) => keyOf.get(edge.dependsOnId)!);
  if (sameSet(current, keys)) return false;
  const cycle = findCycle(
    edges.map((edge) => ({ phase: keyOf.get(edge.phaseId)!, dependsOn: keyOf.get(edge.dependsOnId)! })),
    phase.key,
    keys,
  );
  if (cycle) {
    throw new AppError("invalid", `dependsOn: that would make a cycle (${cycle.join(" → ")}); a phase cannot wait, even indirectly, on itself.`, { cycle });
  }

  await tx.phaseDependency.deleteMany({ where: { phaseId: phase.id } });
  await tx.phaseDependency.createMany({ data: keys.map((key) => ({ phaseId: phase.id, dependsOnId: idOf.get(key)! })) });
  return true;
}

/** Replaces the components `phase` waits for; refuses unknown slugs. True when it changed. */
async function replaceGates(tx: Tx, product: Product, phase: PhaseRow, slugs: string[]): Promise<boolean> {
  const components = await tx.component.findMany({ where: { productId: product.id, slug: { in: slugs } }, select: { id: true, slug: true } });
  const unknown = slugs.filter((slug) => !components.some((c) => c.slug === slug));
  if (unknown.length > 0) {
    throw new AppError("invalid", `gates: no ${unknown.length === 1 ? "component" : "components"} ${unknown.map((s) => `"${s}"`).join(", ")} in product "${product.slug}".`);
  }
  const current = await tx.phaseComponentGate.findMany({ where: { phaseId: phase.id }, select: { componentId: true } });
  const ids = components.map((c) => c.id);
  if (sameSet(current.map((gate) => gate.componentId), ids)) return false;
  await tx.phaseComponentGate.deleteMany({ where: { phaseId: phase.id } });
  await tx.phaseComponentGate.createMany({ data: ids.map((componentId) => ({ phaseId: phase.id, componentId })) });
  return true;
}

/**
 * phase.gate_satisfied for each of these open phases whose every prerequisite phase and gated
 * component is now done, after the change this transaction made (a completed phase, a published component).
 */
export async function announceOpenedGates(tx: Tx, who: Who, phaseIds: string[]): Promise<void> {
  const phases = await tx.phase.findMany({ where: { id: { in: phaseIds }, completedAt: null }, select: { id: true, key: true, name: true, productId: true } });
  for (const phase of phases) {
    const gate = await readGate(tx, phase.id);
    if (gate.canComplete && gate.total > 0) {
      await emit(tx, who, [{ type: "phase.gate_satisfied", productId: phase.productId, data: { phase: { key: phase.key, title: phase.name } } }]);
    }
  }
}

/** After a component's certification status changed: the phases it gates that may start now. */
export async function announceGatesOfComponent(tx: Tx, who: Who, componentId: string): Promise<void> {
  const gated = await tx.phaseComponentGate.findMany({ where: { componentId }, select: { phaseId: true } });
  await announceOpenedGates(tx, who, gated.map((g) => g.phaseId));
}

/** The phase's gate as this transaction sees it (after any dependency change it made). */
async function readGate(tx: Tx, phaseId: string): Promise<PhaseGate> {
  const dependencies = await tx.phaseDependency.findMany({
    where: { phaseId },
    select: { dependsOn: { select: { key: true, order: true, name: true, completedAt: true } } },
  });
  const gates = await tx.phaseComponentGate.findMany({
    where: { phaseId },
    select: { component: { select: { slug: true, name: true, role: true, certificationStatus: true } } },
  });
  return evaluatePhaseGate({
    phases: dependencies.map(({ dependsOn: p }) => ({ key: p.key, order: p.order, name: p.name, completed: p.completedAt !== null })),
    components: gates.map(({ component }) => component),
  });
}

function staleVersion(phase: PhaseRow, sent: number): AppError {
  const current = phase.version === sent ? sent + 1 : phase.version;
  return new AppError(
    "conflict",
    `Phase ${phase.order} (${phase.name}) was changed by someone else (you sent version ${sent}, it is now at version ${current}). Reload to see their change.`,
    { currentVersion: current },
  );
}
