import type { Actor } from "@/lib/auth/schema";
import { getDb, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { resolveProductForWrite } from "@/lib/products/mutations";
import { REQUIREMENT_CATALOG } from "@/lib/requirements/catalog";
import { signOffView } from "@/lib/requirements/matrix";
import { PRODUCT_SUBJECT, requirementCodeSchema, SIGN_OFF_LABELS, type SignOffView, type SignOffWrite } from "@/lib/requirements/schema";
import { recordItemEvents } from "@/lib/outbox/mutations";

function catalogRows() {
  const positions = new Map<string, number>();
  return REQUIREMENT_CATALOG.map((entry) => {
    const position = positions.get(entry.scope) ?? 0;
    positions.set(entry.scope, position + 1);
    const { code, scope, title, severity, verifiedBy, checkNames, notApplicableUnder, onlyWith, derivedFrom } = entry;
    return { code, scope, position, title, severity, verifiedBy, checkNames, notApplicableUnder, onlyWith, derivedFrom };
  });
}

/**
 * Makes the Requirement table equal to the catalog in code (run by the seed at every start). Nothing
 * references the table, so a changed catalog simply replaces it; an unchanged one writes nothing.
 */
export async function syncRequirementCatalog(tx: Tx): Promise<{ requirements: number; changed: boolean }> {
  // Two processes starting together sync one after the other.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('certboard-requirement-catalog'))`;
  const wanted = catalogRows();
  const stored = await tx.requirement.findMany({
    orderBy: { code: "asc" },
    select: {
      code: true,
      scope: true,
      position: true,
      title: true,
      severity: true,
      verifiedBy: true,
      checkNames: true,
      notApplicableUnder: true,
      onlyWith: true,
      derivedFrom: true,
    },
  });
  const key = (rows: { code: string }[]) => JSON.stringify([...rows].sort((a, b) => a.code.localeCompare(b.code)));
  if (key(stored) === key(wanted)) return { requirements: wanted.length, changed: false };
  await tx.requirement.deleteMany({});
  await tx.requirement.createMany({ data: wanted });
  return { requirements: wanted.length, changed: true };
}

/**
 * Records a person's sign-off of one requirement, of a component (`componentSlug`) or of the
 * product's listing (null). Sign-offs are kept, never overwritten: the newest is in force, the rest
 * is its history. Items that track the requirement for that subject get it in their history too.
 */
export async function signOffRequirement(input: {
  productSlug?: string;
  componentSlug: string | null;
  code: string;
  write: SignOffWrite;
  actor: Actor;
}): Promise<SignOffView> {
  const code = requirementCodeSchema.safeParse(input.code);
  const requirement = code.success ? REQUIREMENT_CATALOG.find((entry) => entry.code === code.data) : undefined;
  if (!requirement) throw new AppError("not_found", `No requirement "${input.code.slice(0, 40)}" in the catalog.`);
  return getDb().$transaction(async (tx) => {
    const product = await resolveProductForWrite(tx, input.productSlug);
    let component: { id: string; slug: string; type: string } | null = null;
    if (input.componentSlug !== null) {
      component = await tx.component.findUnique({
        where: { productId_slug: { productId: product.id, slug: input.componentSlug } },
        select: { id: true, slug: true, type: true },
      });
      if (!component) throw new AppError("not_found", `No component "${input.componentSlug}" in product "${product.slug}".`);
    }
    const scope = component?.type ?? "product";
    if (requirement.scope !== scope) {
      const where = component ? `component ${component.slug} (${SCOPE_NAMES[scope] ?? scope})` : "the product's listing";
      throw new AppError("invalid", `${requirement.code} is a requirement of ${SCOPE_NAMES[requirement.scope]}s, not of ${where}.`);
    }
    if (requirement.onlyWith) {
      throw new AppError(
        "invalid",
        `${requirement.code} follows the ${requirement.onlyWith} exception, Red Hat's review record: record Red Hat's decision on ${component?.slug ?? "the component"}'s ${requirement.onlyWith} exception instead.`,
      );
    }
    const row = await tx.requirementSignOff.create({
      data: {
        productId: product.id,
        componentId: component?.id ?? null,
        subject: component?.id ?? PRODUCT_SUBJECT,
        code: requirement.code,
        status: input.write.status,
        note: input.write.note,
        link: input.write.link ?? null,
        expiresAt: input.write.expiresAt ? new Date(input.write.expiresAt) : null,
        actor: input.actor.name,
        userId: "userId" in input.actor ? (input.actor.userId ?? null) : null,
      },
    });
    const items = await tx.backlogItem.findMany({
      where: {
        productId: product.id,
        requirementCodes: { has: requirement.code },
        ...(component ? { components: { some: { componentId: component.id } } } : {}),
      },
      select: { id: true },
    });
    if (items.length > 0) {
      const note = `${requirement.code} signed off ${SIGN_OFF_LABELS[row.status].toLowerCase()}${component ? ` for ${component.slug}` : ""}${row.note ? `: ${row.note}` : ""}`;
      await recordItemEvents(tx, items.map((item) => ({
          itemId: item.id,
          actor: input.actor.name,
          userId: row.userId,
          field: "signOff",
          newValue: row.status,
          note: note.slice(0, 4000),
        })),
      );
    }
    return signOffView(row, new Date());
  });
}

const SCOPE_NAMES: Record<string, string> = { container: "container image", operator_bundle: "operator bundle", helm_chart: "Helm chart", product: "product listing" };
