import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/lib/auth/schema";
import { getDb, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { exceptionView, type ExceptionKind, type ExceptionWrite } from "@/lib/exceptions/schema";
import { resolveProductForWrite } from "@/lib/products/mutations";
import { emit, recordItemEvents } from "@/lib/outbox/mutations";

// The requirement an exception answers: items tracking it get the exception's decisions in their history.
const REQUIREMENT_OF: Record<ExceptionKind, string> = { privileged: "CTR-11", scratch: "CTR-16" };

type Row = Prisma.ComponentExceptionGetPayload<object>;

/**
 * Creates (no version) or updates (matching version) one component's privileged or scratch
 * exception. Approval also records the declaration it covers on the component (privileged host
 * access, scratch base), which puts the root or scratch policy in force.
 */
export async function saveException(input: { productSlug?: string; componentSlug: string; kind: ExceptionKind; write: ExceptionWrite; actor: Actor }) {
  const { version, ...changes } = input.write;
  return getDb().$transaction(async (tx) => {
    const product = await resolveProductForWrite(tx, input.productSlug);
    const component = await tx.component.findUnique({
      where: { productId_slug: { productId: product.id, slug: input.componentSlug } },
      select: { id: true, slug: true, name: true, type: true },
    });
    if (!component) throw new AppError("not_found", `No component "${input.componentSlug}" in product "${product.slug}".`);
    if (component.type !== "container") throw new AppError("invalid", `${component.slug} is not a container image: exceptions apply to container images only.`);
    const existing = await tx.componentException.findUnique({ where: { componentId_kind: { componentId: component.id, kind: input.kind } } });
    if (existing && version === undefined) {
      throw new AppError("conflict", `${component.slug} already has a ${input.kind} exception (version ${existing.version}); send its version to change it.`, {
        currentVersion: existing.version,
      });
    }
    if (!existing && version !== undefined) throw new AppError("not_found", `${component.slug} has no ${input.kind} exception yet; create it without a version.`);

    const status = changes.status ?? existing?.status ?? "draft";
    const justification = changes.justification ?? existing?.justification ?? "";
    if ((status === "requested" || status === "approved") && justification.trim() === "") {
      throw new AppError("invalid", `justification: a ${status} exception needs a justification (why the image needs it).`);
    }
    const statusChanged = status !== (existing?.status ?? null);
    const decided = status === "approved" || status === "denied";
    const now = new Date();
    const data = {
      status,
      justification,
      ...(changes.caseRef !== undefined && { caseRef: changes.caseRef || null }),
      ...(statusChanged && status === "requested" && { requestedAt: now }),
      ...(statusChanged && { decidedAt: decided ? now : null, decidedBy: decided ? input.actor.name : null }),
    };

    let row: Row;
    if (existing) {
      const updated = await tx.componentException.updateMany({ where: { id: existing.id, version }, data: { ...data, version: { increment: 1 } } });
      if (updated.count === 0) {
        throw new AppError("conflict", `The ${input.kind} exception of ${component.slug} was changed by someone else (you sent version ${version}, it is at ${existing.version}).`, {
          currentVersion: existing.version,
        });
      }
      row = await tx.componentException.findUniqueOrThrow({ where: { id: existing.id } });
    } else {
      row = await tx.componentException.create({ data: { ...data, componentId: component.id, kind: input.kind, createdBy: input.actor.name } });
    }

    if (statusChanged && status === "approved") await recordDeclaration(tx, component.id, input.kind);
    if (statusChanged) await recordOnItems(tx, component.id, input.kind, existing?.status ?? null, row, input.actor);
    if (statusChanged && decided) {
      await emit(tx, input.actor, [
        { type: "exception.decided", productId: product.id, data: { component: { slug: component.slug, name: component.name }, kind: input.kind, status, caseRef: row.caseRef } },
      ]);
    }
    return { component: component.slug, exception: exceptionView(row) };
  });
}

async function recordDeclaration(tx: Tx, componentId: string, kind: ExceptionKind) {
  const data = kind === "privileged" ? { hostAccess: "privileged" as const } : { osContentType: "scratch" as const };
  await tx.component.updateMany({ where: { id: componentId, NOT: data }, data: { ...data, version: { increment: 1 } } });
}

async function recordOnItems(tx: Tx, componentId: string, kind: ExceptionKind, from: string | null, row: Row, actor: Actor) {
  const items = await tx.backlogItem.findMany({
    where: { requirementCodes: { has: REQUIREMENT_OF[kind] }, components: { some: { componentId } } },
    select: { id: true },
  });
  if (items.length === 0) return;
  const note = `${kind} exception ${row.status}${row.caseRef ? ` (case ${row.caseRef})` : ""}`;
  await recordItemEvents(tx, items.map((item) => ({
      itemId: item.id,
      actor: actor.name,
      userId: "userId" in actor ? (actor.userId ?? null) : null,
      field: "exception",
      oldValue: from ?? undefined,
      newValue: row.status,
      note,
    })),
  );
}
