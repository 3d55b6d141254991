import { USER_ROLES, type UserRole } from "@/lib/auth/schema";
import { getDb, type Tx } from "@/lib/db";
import { isUuid } from "@/lib/encoding";
import { AppError } from "@/lib/errors";
import { dayStart } from "@/lib/calendar/days";
import { PRODUCT_SLUG, type ProductPatch } from "@/lib/products/schema";

export const DEFAULT_PRODUCT_SLUG = "default";

/**
 * The product a write targets: the one named by slug, else the default product (the first one
 * created). With `create`, a missing product is created instead of refused (imports do this).
 */
export async function resolveProductForWrite(
  tx: Tx,
  slug: string | undefined,
  create?: { name: string },
): Promise<{ id: string; slug: string; name: string }> {
  const select = { id: true, slug: true, name: true } as const;
  const found = slug
    ? await tx.product.findUnique({ where: { slug }, select })
    : await tx.product.findFirst({ orderBy: [{ createdAt: "asc" }, { id: "asc" }], select });
  if (found) return found;
  if (!create) {
    throw new AppError("not_found", slug ? `No product "${slug}".` : "No product exists yet: import a backlog first.");
  }
  const newSlug = slug ?? DEFAULT_PRODUCT_SLUG;
  if (!PRODUCT_SLUG.test(newSlug)) {
    throw new AppError("invalid", `Product slug "${newSlug}" must be lowercase letters, digits and dashes.`);
  }
  return tx.product.create({ data: { slug: newSlug, name: create.name }, select });
}

/**
 * Changes a product's plan (target date, hours per week) and/or access (restricted), in one
 * transaction. Who may change which field is the door's decision (restricted: admins only).
 */
export async function updateProduct(input: { productId: string; patch: ProductPatch }): Promise<void> {
  const { restricted, targetDate, hoursPerWeek, timezone, evidenceMaxAgeDays } = input.patch;
  await getDb().$transaction(async (tx) => {
    await tx.product.update({
      where: { id: input.productId },
      data: {
        ...(restricted !== undefined && { restricted }),
        ...(targetDate !== undefined && { targetDate: targetDate === null ? null : dayStart(targetDate) }),
        ...(hoursPerWeek !== undefined && { hoursPerWeek }),
        ...(timezone !== undefined && { timezone }),
        ...(evidenceMaxAgeDays !== undefined && { evidenceMaxAgeDays }),
      },
    });
  });
}

/**
 * Replaces a product's members, all or nothing: every person must exist, appear once, and get a
 * role no higher than their global role (a product never lifts anyone above it).
 */
export async function setProductMembers(input: { productId: string; members: { user: string; role: UserRole }[] }): Promise<void> {
  await getDb().$transaction(async (tx) => {
    const wanted = input.members.map((m) => ({ ...m, key: m.user.includes("@") ? m.user.toLowerCase() : m.user }));
    const ids = wanted.filter((m) => !m.key.includes("@")).map((m) => m.key);
    const emails = wanted.filter((m) => m.key.includes("@")).map((m) => m.key);
    const bad = ids.find((id) => !isUuid(id));
    if (bad) throw new AppError("invalid", `"${bad}" is neither a person's id nor an email address.`);
    const people = await tx.user.findMany({ where: { OR: [{ id: { in: ids } }, { email: { in: emails } }] }, select: { id: true, email: true, role: true } });
    const seen = new Set<string>();
    const rows = wanted.map((m) => {
      const person = people.find((p) => p.id === m.key || p.email === m.key);
      if (!person) throw new AppError("invalid", `No person ${m.user}.`);
      if (seen.has(person.id)) throw new AppError("invalid", `${person.email} is listed twice.`);
      seen.add(person.id);
      if (USER_ROLES.indexOf(m.role) > USER_ROLES.indexOf(person.role)) {
        throw new AppError("invalid", `${person.email} is a ${person.role}: their role on a product cannot be ${m.role}.`);
      }
      return { productId: input.productId, userId: person.id, role: m.role };
    });
    await tx.productMember.deleteMany({ where: { productId: input.productId } });
    await tx.productMember.createMany({ data: rows });
  });
}
