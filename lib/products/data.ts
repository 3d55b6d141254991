import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { can, USER_ROLES, type Permission, type Principal, type UserRole } from "@/lib/auth/schema";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { ProductMemberView } from "@/lib/products/schema";

export type ProductRef = { id: string; slug: string; name: string };

/** The product a read targets: by slug, else the default product (the first one created). */
export async function findProduct(slug?: string): Promise<ProductRef | null> {
  const select = { id: true, slug: true, name: true } as const;
  const db = getDb();
  return slug
    ? db.product.findUnique({ where: { slug }, select })
    : db.product.findFirst({ orderBy: [{ createdAt: "asc" }, { id: "asc" }], select });
}

export async function getProduct(slug?: string): Promise<ProductRef> {
  const product = await findProduct(slug);
  if (!product) {
    throw new AppError("not_found", slug ? `No product "${slug}".` : "No product exists yet: import a backlog first.");
  }
  return product;
}


// ---- Who may see which product --------------------------------------------------------------
// A restricted product exists only for its members and for admins (who manage the members): for
// anyone else every door answers 404 and no list names it. A token acts for its owner, so it sees
// what its owner sees; a token scoped to products is refused (403) on any other product.

/** The person whose memberships decide, and whether they see everything (admins, ownerless CLI tokens). */
function seer(principal: Principal): { userId: string | null; all: boolean } {
  if (principal.kind === "user") return { userId: principal.id, all: principal.role === "admin" };
  return { userId: principal.userId, all: principal.userId === null || principal.ownerRole === "admin" };
}

/** The active people who may see a product, as a filter: everyone, or for a restricted one its members and the admins. */
export function peopleWhoSee(product: { id: string; restricted: boolean }): Prisma.UserWhereInput {
  return { active: true, ...(product.restricted && { OR: [{ role: "admin" }, { memberships: { some: { productId: product.id } } }] }) };
}

/** The products `principal` may see, as a filter. */
export function visibleProducts(principal: Principal): Prisma.ProductWhereInput {
  const { userId, all } = seer(principal);
  if (all) return {};
  return { OR: [{ restricted: false }, ...(userId ? [{ members: { some: { userId } } }] : [])] };
}

const lower = (a: UserRole, b: UserRole): UserRole => (USER_ROLES.indexOf(a) <= USER_ROLES.indexOf(b) ? a : b);

/** The principal as it stands on one product: a member's role there caps their global role (and their tokens'). */
function onProduct(principal: Principal, memberRole: UserRole | null): Principal {
  if (!memberRole) return principal;
  if (principal.kind === "user") return { ...principal, role: lower(principal.role, memberRole) };
  return { ...principal, ownerRole: lower(principal.ownerRole ?? memberRole, memberRole) };
}

function notFound(slug: string | undefined): AppError {
  return new AppError("not_found", slug ? `No product "${slug}".` : "No product exists yet: import a backlog first.");
}

/**
 * The product a request addresses (by slug, else the first product the caller may see), checked
 * for the caller: 404 when it does not exist for them, 403 when their token is scoped elsewhere or
 * their role on it does not allow `permission`. Every door that names a product goes through here.
 */
export async function productFor(principal: Principal, slug: string | undefined, permission: Permission): Promise<ProductRef> {
  const product = await findProductFor(principal, slug);
  if (!product) throw notFound(slug);
  return authorizeOn(principal, product, permission);
}

/** The principal as it stands on the product (a member's role there caps their global role): for "may moderate here" decisions. */
export async function principalOn(principal: Principal, slug: string): Promise<Principal> {
  const product = await findProductFor(principal, slug);
  if (!product) throw notFound(slug);
  return onProduct(principal, product.restricted ? (product.members[0]?.role ?? null) : null);
}

/** Whether the caller may do `permission` on the product (their role there, a token's scope), without refusing them if not. */
export async function mayOn(principal: Principal, slug: string | undefined, permission: Permission): Promise<boolean> {
  return productFor(principal, slug, permission).then(
    () => true,
    (error: unknown) => {
      if (error instanceof AppError && error.code === "forbidden") return false;
      throw error;
    },
  );
}

/**
 * For imports, which create a product that does not exist yet: null when no product has this slug
 * at all; a product the caller may not see answers 404, as everywhere.
 */
export async function productForImport(principal: Principal, slug: string | undefined): Promise<ProductRef | null> {
  const product = await findProductFor(principal, slug);
  if (product) return authorizeOn(principal, product, "import_backlog");
  const taken = slug ? await getDb().product.count({ where: { slug } }) : await getDb().product.count();
  if (taken > 0) throw notFound(slug);
  if (principal.kind === "token" && principal.productIds) {
    throw new AppError("forbidden", "This token is limited to its products and may not create another.");
  }
  return null;
}

/**
 * For records found by id (a run): a product the caller may not see must not be named, so its
 * 404 becomes the record's own. `productFor(...).catch(hideProduct("No run X."))`.
 */
export function hideProduct(message: string): (error: unknown) => never {
  return (error) => {
    if (error instanceof AppError && error.code === "not_found") throw new AppError("not_found", message);
    throw error;
  };
}

/** The products the caller may see, for the product switcher and lists. */
export async function listProductsFor(principal: Principal): Promise<ProductRef[]> {
  return getDb().product.findMany({
    where: visibleProducts(principal),
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, slug: true, name: true },
  });
}

const accessSelect = (principal: Principal) => {
  const { userId } = seer(principal);
  return {
    id: true,
    slug: true,
    name: true,
    restricted: true,
    members: { where: { userId: userId ?? "00000000-0000-0000-0000-000000000000" }, select: { role: true }, take: 1 },
  } as const;
};

type AccessRow = ProductRef & { restricted: boolean; members: { role: UserRole }[] };

/** The product by slug (else the first visible, within a token's scope) if the caller may see it; no permission check. */
export async function findProductFor(principal: Principal, slug: string | undefined): Promise<AccessRow | null> {
  const visible = visibleProducts(principal);
  // A scoped token's default product is the first of its own.
  const scope: Prisma.ProductWhereInput = principal.kind === "token" && principal.productIds && !slug ? { id: { in: principal.productIds } } : {};
  return getDb().product.findFirst({
    where: { AND: [slug ? { slug } : {}, visible, scope] },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: accessSelect(principal),
  });
}

function authorizeOn(principal: Principal, product: AccessRow, permission: Permission): ProductRef {
  if (principal.kind === "token" && principal.productIds && !principal.productIds.includes(product.id)) {
    throw new AppError("forbidden", `This token is limited to other products; it may not act on "${product.slug}".`);
  }
  const memberRole = product.restricted ? (product.members[0]?.role ?? null) : null;
  const acting = onProduct(principal, memberRole);
  if (!can(acting, permission)) {
    const role = acting.kind === "user" ? acting.role : `${acting.role}, acting for a ${acting.ownerRole ?? "machine"}`;
    throw new AppError("forbidden", `Your role on "${product.slug}" (${role}) may not do this.`);
  }
  return { id: product.id, slug: product.slug, name: product.name };
}

/** When a product's weekly digest goes out and when its evidence counts as stale. */
export async function getNotificationSettings(productId: string): Promise<{ timezone: string; evidenceMaxAgeDays: number }> {
  return getDb().product.findUniqueOrThrow({ where: { id: productId }, select: { timezone: true, evidenceMaxAgeDays: true } });
}

/** A product's access settings and members, for admins. */
export async function getProductAccess(productId: string): Promise<{ restricted: boolean; members: ProductMemberView[] }> {
  const product = await getDb().product.findUniqueOrThrow({
    where: { id: productId },
    select: { restricted: true, members: { select: { role: true, user: { select: { id: true, email: true, name: true, role: true } } }, orderBy: { user: { email: "asc" } } } },
  });
  return {
    restricted: product.restricted,
    members: product.members.map((m) => ({ userId: m.user.id, email: m.user.email, name: m.user.name, role: m.role, globalRole: m.user.role })),
  };
}
