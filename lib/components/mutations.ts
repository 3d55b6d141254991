import { getDb, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { emit } from "@/lib/outbox/mutations";
import type { ComponentPatch } from "@/lib/components/schema";
import { resolveProductForWrite } from "@/lib/products/mutations";
import { isRedHatRegistry, parseImageRef, slugForRepository, slugify, type ImageRef } from "@/lib/components/image-ref";
import { componentForPhrase, guessRole } from "@/lib/components/roles";

type ComponentId = { id: string; slug: string };
type ImageKey = Pick<ImageRef, "registry" | "repository" | "raw">;
type RunKind = "container" | "operator";
type Resolved = ComponentId & { created: boolean };

/**
 * The component of an image in a product: the one registered with the image's registry/repository,
 * else (with `create`) a new one named after the repository. The one place that decides which
 * component an image is, for preflight uploads, backlog imports and the demo seed alike.
 */
export async function resolveComponentForImage(tx: Tx, productId: string, ref: ImageKey, options: { create: true; kind?: RunKind }): Promise<Resolved>;
export async function resolveComponentForImage(tx: Tx, productId: string, ref: ImageKey, options: { create: boolean; kind?: RunKind }): Promise<Resolved | null>;
export async function resolveComponentForImage(tx: Tx, productId: string, ref: ImageKey, options: { create: boolean; kind?: RunKind }): Promise<Resolved | null> {
  const found = await tx.component.findFirst({
    where: { productId, registry: ref.registry, repository: ref.repository },
    orderBy: { createdAt: "asc" },
    select: { id: true, slug: true },
  });
  if (found) return { ...found, created: false };
  if (!options.create) return null;
  const taken = new Set((await tx.component.findMany({ where: { productId }, select: { slug: true } })).map((c) => c.slug));
  const role = options.kind === "operator" ? "bundle" : guessRole(ref.repository);
  const created = await tx.component.create({
    data: {
      productId,
      slug: uniqueSlug(slugForRepository(ref.repository), taken),
      name: slugForRepository(ref.repository),
      type: role === "bundle" ? "operator_bundle" : "container",
      role,
      registry: ref.registry,
      repository: ref.repository,
      imageRef: ref.raw,
      owner: isRedHatRegistry(ref.registry) ? "Red Hat" : null,
    },
    select: { id: true, slug: true },
  });
  return { ...created, created: true };
}

/**
 * Makes sure every image reference (or placeholder such as "Node metrics image (TBD)") has a
 * component in the product (placeholders are matched by slug), and records concrete tags. Returns
 * raw reference → component slug.
 */
export async function ensureComponentsForRefs(tx: Tx, productId: string, refs: string[]): Promise<Map<string, string>> {
  const result = new Map<string, string>();
  for (const raw of new Set(refs)) {
    const ref = parseImageRef(raw);
    const component = ref ? await resolveComponentForImage(tx, productId, ref, { create: true }) : await ensurePlaceholder(tx, productId, raw);
    if (ref?.tag && ref.tag !== "*") {
      await tx.imageTag.createMany({ data: [{ componentId: component.id, name: ref.tag }], skipDuplicates: true });
    }
    result.set(raw, component.slug);
  }
  return result;
}

async function ensurePlaceholder(tx: Tx, productId: string, raw: string): Promise<ComponentId> {
  const slug = slugify(raw);
  const found = await tx.component.findUnique({ where: { productId_slug: { productId, slug } }, select: { id: true, slug: true } });
  if (found) return found;
  return tx.component.create({
    data: { productId, slug, name: raw.replace(/\s*\(TBD\)\s*$/i, "").trim() || raw, role: guessRole(raw), imageRef: raw, placeholder: true },
    select: { id: true, slug: true },
  });
}

/** Role phrases from headings ("Node Metrics …") → the slug of the one component each names, where one does. */
export async function componentsForPhrases(tx: Tx, productId: string, phrases: string[]): Promise<Map<string, string>> {
  const result = new Map<string, string>();
  if (phrases.length === 0) return result;
  const rows = await tx.component.findMany({ where: { productId }, select: { slug: true, name: true, role: true, registry: true, repository: true } });
  const candidates = rows.map((c) => ({ ...c, redHat: isRedHatRegistry(c.registry) }));
  for (const phrase of new Set(phrases)) {
    const match = componentForPhrase(phrase, candidates);
    if (match) result.set(phrase, match.slug);
  }
  return result;
}

function uniqueSlug(base: string, taken: Set<string>): string {
  let slug = base;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
  return slug;
}

/**
 * Changes the facts people maintain about a component: certification status, declarations, owner,
 * Partner Connect project, expected architectures and, for a bundle, the images it references.
 */
/**
 * Changes a component. `afterWrite` runs in the same transaction once the change is written (the
 * route passes the phase gates' announcement: lib/phases sits above this module).
 */
export async function updateComponent(input: {
  productSlug?: string;
  slug: string;
  patch: ComponentPatch;
  actor: { name: string; userId?: string };
  afterWrite?: (tx: Tx, component: { id: string; certificationStatusChanged: boolean }) => Promise<void>;
}) {
  const { version, architectures, references, ...changes } = input.patch;
  return getDb().$transaction(async (tx) => {
    const product = await resolveProductForWrite(tx, input.productSlug);
    const row = await tx.component.findUnique({
      where: { productId_slug: { productId: product.id, slug: input.slug } },
      select: { id: true, name: true, version: true, type: true, certificationStatus: true, hostAccess: true, osContentType: true, owner: true, connectProjectId: true },
    });
    if (!row) throw new AppError("not_found", `No component "${input.slug}" in product "${product.slug}".`);
    const expected = architectures === undefined ? {} : { architectures: architectures ?? [], architecturesSetBy: architectures?.length ? input.actor.name : null };
    const updated = await tx.component.updateMany({
      where: { id: row.id, version },
      data: { ...changes, ...(changes.owner === "" && { owner: null }), ...expected, version: { increment: 1 } },
    });
    if (updated.count === 0) {
      throw new AppError("conflict", `Component ${input.slug} was changed by someone else (you sent version ${version}, it is at ${row.version}). Reload to see their change.`, {
        currentVersion: row.version,
      });
    }
    // Component history: who set what (a catalog sync tells a person's value from its own by it).
    const changed = HISTORY_FIELDS.filter((field) => changes[field] !== undefined && (changes[field] || null) !== row[field]);
    if (changed.length) {
      await tx.componentEvent.createMany({
        data: changed.map((field) => ({
          componentId: row.id,
          actor: input.actor.name,
          userId: input.actor.userId ?? null,
          field,
          oldValue: row[field] ?? undefined,
          newValue: changes[field] || undefined,
        })),
      });
    }
    if (references !== undefined) await replaceReferences(tx, product.id, row, input.slug, references ?? []);
    const certificationStatusChanged = changes.certificationStatus !== undefined && changes.certificationStatus !== row.certificationStatus;
    if (certificationStatusChanged) {
      await emit(tx, input.actor, [
        { type: "component.status_changed", productId: product.id, data: { component: { slug: input.slug, name: row.name }, from: row.certificationStatus, to: changes.certificationStatus! } },
      ]);
    }
    await input.afterWrite?.(tx, { id: row.id, certificationStatusChanged });
    return { slug: input.slug, version: version + 1 };
  });
}

/** The facts whose changes component history records. */
const HISTORY_FIELDS = ["certificationStatus", "hostAccess", "osContentType", "owner", "connectProjectId"] as const;

async function replaceReferences(tx: Tx, productId: string, bundle: { id: string; type: string }, slug: string, slugs: string[]) {
  if (bundle.type !== "operator_bundle") throw new AppError("invalid", `references: ${slug} is not an operator bundle; only a bundle references images.`);
  const wanted = [...new Set(slugs)];
  const found = await tx.component.findMany({ where: { productId, slug: { in: wanted } }, select: { id: true, slug: true, type: true } });
  const missing = wanted.filter((s) => !found.some((c) => c.slug === s));
  if (missing.length) throw new AppError("invalid", `references: no component ${missing.map((s) => `"${s}"`).join(", ")} in this product.`);
  const wrong = found.filter((c) => c.type !== "container" || c.id === bundle.id);
  if (wrong.length) throw new AppError("invalid", `references: ${wrong.map((c) => c.slug).join(", ")} ${wrong.length === 1 ? "is" : "are"} not a container image.`);
  await tx.componentReference.deleteMany({ where: { bundleId: bundle.id } });
  await tx.componentReference.createMany({ data: found.map((c) => ({ bundleId: bundle.id, componentId: c.id })) });
}
