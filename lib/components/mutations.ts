import { getDb, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { ComponentPatch } from "@/lib/components/schema";
import { resolveProductForWrite } from "@/lib/products/mutations";
import { guessRole, isRedHatRegistry, parseImageRef, repositoryKey, slugForRepository, slugify } from "@/lib/components/image-ref";

/**
 * Makes sure every image reference (or placeholder such as "Node metrics image (TBD)") has a
 * component in the product, matched by registry/repository (or by slug for placeholders), and
 * records concrete tags. Returns raw reference → component slug.
 */
export async function ensureComponentsForRefs(tx: Tx, productId: string, refs: string[]): Promise<Map<string, string>> {
  const existing = await tx.component.findMany({
    where: { productId },
    select: { id: true, slug: true, registry: true, repository: true, placeholder: true },
  });
  const byRepo = new Map<string, { id: string; slug: string }>();
  const bySlug = new Map<string, { id: string; slug: string }>();
  for (const c of existing) {
    bySlug.set(c.slug, c);
    if (c.registry && c.repository) byRepo.set(repositoryKey({ registry: c.registry, repository: c.repository }), c);
  }

  const result = new Map<string, string>();
  for (const raw of new Set(refs)) {
    const ref = parseImageRef(raw);
    let component = ref ? byRepo.get(repositoryKey(ref)) : bySlug.get(slugify(raw));
    if (!component) {
      const slug = uniqueSlug(ref ? slugForRepository(ref.repository) : slugify(raw), bySlug);
      component = await tx.component.create({
        data: ref
          ? {
              productId,
              slug,
              name: slugForRepository(ref.repository),
              type: guessRole(ref.repository) === "bundle" ? "operator_bundle" : "container",
              role: guessRole(ref.repository),
              registry: ref.registry,
              repository: ref.repository,
              imageRef: raw,
              owner: isRedHatRegistry(ref.registry) ? "Red Hat" : null,
            }
          : { productId, slug, name: raw.replace(/\s*\(TBD\)\s*$/i, "").trim() || raw, role: guessRole(raw), imageRef: raw, placeholder: true },
        select: { id: true, slug: true },
      });
      bySlug.set(component.slug, component);
      if (ref) byRepo.set(repositoryKey(ref), component);
    }
    if (ref?.tag && ref.tag !== "*") {
      await tx.imageTag.upsert({
        where: { componentId_name: { componentId: component.id, name: ref.tag } },
        create: { componentId: component.id, name: ref.tag },
        update: {},
      });
    }
    result.set(raw, component.slug);
  }
  return result;
}

function uniqueSlug(base: string, taken: Map<string, unknown>): string {
  let slug = base;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
  return slug;
}

/** Changes the facts people maintain about a component (certification status, declarations, owner). */
export async function updateComponent(input: { productSlug?: string; slug: string; patch: ComponentPatch }) {
  const { version, ...changes } = input.patch;
  return getDb().$transaction(async (tx) => {
    const product = await resolveProductForWrite(tx, input.productSlug);
    const row = await tx.component.findUnique({ where: { productId_slug: { productId: product.id, slug: input.slug } }, select: { id: true, version: true } });
    if (!row) throw new AppError("not_found", `No component "${input.slug}" in product "${product.slug}".`);
    const updated = await tx.component.updateMany({
      where: { id: row.id, version },
      data: { ...changes, ...(changes.owner === "" && { owner: null }), version: { increment: 1 } },
    });
    if (updated.count === 0) {
      throw new AppError("conflict", `Component ${input.slug} was changed by someone else (you sent version ${version}, it is at ${row.version}). Reload to see their change.`, {
        currentVersion: row.version,
      });
    }
    return { slug: input.slug, version: version + 1 };
  });
}
