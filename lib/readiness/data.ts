import "server-only";
import { CLOSED_STATUSES } from "@/lib/backlog/schema";
import { RED_HAT_REGISTRIES } from "@/lib/components/image-ref";
import { policyInForce } from "@/lib/components/policy";
import { connectProjectUrl } from "@/lib/components/schema";
import type { RedHatFacts } from "@/lib/pyxis/plan";
import { getDb } from "@/lib/db";
import { getProduct, type ProductRef } from "@/lib/products/data";
import { REQUIREMENT_CATALOG } from "@/lib/requirements/catalog";
import { listRequirements } from "@/lib/requirements/data";
import { PRODUCT_SUBJECT } from "@/lib/requirements/schema";
import {
  productMatrix,
  requirementMatrix,
  type CheckEvidence,
  type ImageGrade,
  type LinkedComponent,
  type MatrixItem,
  type MatrixRequirement,
  type MatrixRow,
  type SignOffFact,
  type Submission,
} from "@/lib/requirements/matrix";
import { remainingOf } from "./remaining";
import type { Readiness } from "./schema";

// Requirement evidence for components and for the product's listing, from every domain it rests
// on: runs and their checks, exceptions, sign-offs, the bundle's referenced images, submissions and
// the items that track the work. The component board and the readiness view read it from here.

const closed = new Set<string>(CLOSED_STATUSES);

const componentSelect = {
  id: true,
  slug: true,
  name: true,
  type: true,
  hostAccess: true,
  osContentType: true,
  certificationStatus: true,
  architectures: true,
  architecturesSetBy: true,
  exceptions: { select: { kind: true, status: true, caseRef: true } },
  references: { select: { component: { select: { slug: true, name: true, certificationStatus: true } } }, orderBy: { component: { slug: "asc" as const } } },
  redHat: true,
  images: { where: { redHatId: { not: null } }, select: { digest: true, architecture: true, tags: true, published: true, grade: true }, orderBy: { digest: "asc" as const } },
} as const;

type RedHatImage = { digest: string; architecture: string; tags: string[]; published: boolean | null; grade: string | null };

/** CTR-13's images: those Red Hat publishes, or every image it lists when none is published yet. */
function gradesInUse(images: RedHatImage[]): ImageGrade[] {
  const inUse = images.some((i) => i.published) ? images.filter((i) => i.published) : images;
  return inUse.filter((i) => i.grade !== null).map((i) => ({ grade: i.grade!, architecture: i.architecture, tags: i.tags, digest: i.digest }));
}

/** Passing preflight results Red Hat's catalog lists for the project: CTR-15's evidence beside submitted runs. */
function redHatSubmissions(facts: unknown): Submission[] {
  const redHat = facts as Pick<RedHatFacts, "projectId" | "fetchedAt" | "testResults"> | null;
  if (!redHat?.testResults) return [];
  return redHat.testResults
    .filter((r) => r.passed && r.architecture)
    .map((r) => ({ architecture: r.architecture!, runId: null, at: new Date(r.at ?? redHat.fetchedAt), urls: [connectProjectUrl(redHat.projectId)] }));
}

export type EvaluatedComponent = {
  id: string;
  slug: string;
  name: string;
  type: string;
  certificationStatus: string;
  policy: { policy: string; reason: string };
  /** Expected architectures and where they come from. */
  architectures: { list: string[]; setBy: string | null };
  rows: MatrixRow[];
  /** Every sign-off of the component, oldest first (the newest of a code is in force). */
  signOffs: SignOffFact[];
};

/**
 * The requirement matrix of the given components of a product, or of every component the vendor
 * certifies: Red Hat's own images (e.g. OpenShift's scheduler) need no certification from the vendor.
 */
export async function evaluateComponents(product: ProductRef, which: string[] | "vendor's", now = new Date()): Promise<EvaluatedComponent[]> {
  const db = getDb();
  const components = await db.component.findMany({
    where: { productId: product.id, ...(which === "vendor's" ? { OR: [{ registry: null }, { registry: { notIn: [...RED_HAT_REGISTRIES] } }] } : { id: { in: which } }) },
    orderBy: { slug: "asc" },
    select: componentSelect,
  });
  if (components.length === 0) return [];
  const componentIds = components.map((c) => c.id);
  const [items, signOffs, submissions, gated, requirements, evidence] = await Promise.all([
    db.backlogItem.findMany({
      // Only an item naming a check or a requirement can track a row (matrix.ts `itemFor`): the rest
      // of the backlog (most of it, at scale) is not read.
      where: {
        productId: product.id,
        components: { some: { componentId: { in: componentIds } } },
        OR: [{ checkNames: { isEmpty: false } }, { requirementCodes: { isEmpty: false } }],
      },
      select: ITEM_SELECT,
      orderBy: [{ position: "asc" }, { key: "asc" }],
    }),
    db.requirementSignOff.findMany({ where: { productId: product.id, subject: { in: componentIds } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
    // The newest submitted run per component and architecture: a walk of the (componentId, submitted, …) index.
    db.$queryRaw<{ componentId: string; architecture: string; id: string; createdAt: Date; submissionUrls: string[] }[]>`
      SELECT DISTINCT ON ("componentId", "architecture") "componentId"::text AS "componentId", "architecture", "id"::text AS id, "createdAt", "submissionUrls"
      FROM "PreflightRun" WHERE "componentId" = ANY(${componentIds}::uuid[]) AND "submitted"
      ORDER BY "componentId", "architecture", "createdAt" DESC, "id" DESC`,
    // A bundle without a list of its own references the images its product's phases wait for.
    components.some((c) => c.type === "operator_bundle")
      ? db.component.findMany({
          where: { productId: product.id, gatedPhases: { some: {} } },
          orderBy: { slug: "asc" },
          select: { id: true, slug: true, name: true, certificationStatus: true },
        })
      : Promise.resolve([]),
    requirementsByScope([...new Set(components.map((c) => c.type))]),
    latestChecks(components),
  ]);

  // Each component's share, found once: the per-component filters cost O(components × rows).
  const itemsOf = groupBy(items, (i) => i.components.map((link) => link.componentId));
  const signOffsOf = groupBy(signOffs, (s) => [s.subject]);
  const submissionsOf = groupBy(submissions, (s) => [s.componentId]);
  return components.map((c) => {
    const policy = policyInForce(c);
    const checks = evidence.get(c.id) ?? [];
    // Learned: the architectures the component's runs were made on (those that ran any catalogue check).
    const runArchs = [...new Set(checks.map((check) => check.architecture))].filter((arch) => arch !== "unknown").sort();
    const architectures = c.architecturesSetBy ? c.architectures : runArchs;
    const own = c.references.map((r) => r.component);
    const references: LinkedComponent[] | null =
      c.type !== "operator_bundle" ? null : own.length > 0 ? own : gated.filter((g) => g.id !== c.id).map(({ slug, name, certificationStatus }) => ({ slug, name, certificationStatus }));
    const submitted: Submission[] = [
      ...(submissionsOf.get(c.id) ?? []).map((s) => ({ architecture: s.architecture, runId: s.id, at: s.createdAt, urls: s.submissionUrls })),
      ...redHatSubmissions(c.redHat),
    ];
    const rows = requirementMatrix(
      requirements.get(c.type) ?? [],
      { ...c, policy: policy.policy, architectures, references: references?.length ? references : null, submissions: submitted, grades: gradesInUse(c.images) },
      checks,
      (itemsOf.get(c.id) ?? []).map(toMatrixItem),
      signOffsOf.get(c.id) ?? [],
      now,
    );
    return {
      id: c.id,
      slug: c.slug,
      name: c.name,
      type: c.type,
      certificationStatus: c.certificationStatus,
      policy,
      architectures: { list: architectures, setBy: c.architecturesSetBy },
      rows,
      signOffs: signOffsOf.get(c.id) ?? [],
    };
  });
}

/** The listing's requirements (PRD-*), derived from the components that are the vendor's to certify. */
async function evaluateProduct(product: ProductRef, components: LinkedComponent[], now = new Date()): Promise<MatrixRow[]> {
  const [requirements, items, signOffs] = await Promise.all([
    listRequirements("product"),
    // Only items that track a listing requirement can be the row's item.
    getDb().backlogItem.findMany({
      where: { productId: product.id, requirementCodes: { hasSome: PRODUCT_CODES } },
      select: ITEM_SELECT,
      orderBy: [{ position: "asc" }, { key: "asc" }],
    }),
    getDb().requirementSignOff.findMany({ where: { productId: product.id, subject: PRODUCT_SUBJECT }, orderBy: { createdAt: "asc" } }),
  ]);
  return productMatrix(requirements, components, items.map(toMatrixItem), signOffs, now);
}

/** GET /api/v1/readiness: what remains before the product is listed. */
export async function getReadiness(productSlug?: string, now = new Date()): Promise<Readiness> {
  const product = await getProduct(productSlug);
  const evaluated = await evaluateComponents(product, "vendor's", now);
  const productRows = await evaluateProduct(product, evaluated, now);
  const components = evaluated.map((c) => {
    const remaining = remainingOf(c.rows);
    return { slug: c.slug, name: c.name, type: c.type, certificationStatus: c.certificationStatus, ready: remaining.length === 0, remaining };
  });
  const remaining = remainingOf(productRows);
  return {
    listed: remaining.length === 0 && components.every((c) => c.ready),
    components,
    product: { slug: product.slug, name: product.name, remaining, rows: productRows },
  };
}

/** Rows under each key `keysOf` names for them (a row may fall under several, once each). */
function groupBy<T>(rows: readonly T[], keysOf: (row: T) => string[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    for (const key of new Set(keysOf(row))) {
      const group = groups.get(key);
      if (group) group.push(row);
      else groups.set(key, [row]);
    }
  }
  return groups;
}

const ITEM_SELECT = { key: true, title: true, status: true, checkNames: true, requirementCodes: true, components: { select: { componentId: true } } } as const;
const PRODUCT_CODES = REQUIREMENT_CATALOG.filter((entry) => entry.scope === "product").map((entry) => entry.code);

function toMatrixItem(row: { key: string; title: string; status: string; checkNames: string[]; requirementCodes: string[] }): MatrixItem {
  const { key, title, status, checkNames, requirementCodes } = row;
  return { key, title, status, checkNames, requirementCodes, open: !closed.has(status) };
}

async function requirementsByScope(scopes: string[]): Promise<Map<string, MatrixRequirement[]>> {
  const lists = await Promise.all(scopes.map(async (scope) => [scope, await listRequirements(scope)] as const));
  return new Map(lists);
}


/**
 * For each component and architecture, the outcome of every check the requirement catalog of the
 * component's type names, in the newest run of that architecture that ran it (the matrix reads no
 * other check). One statement for all the components: their architectures found by a skip scan of
 * the (componentId, architecture, …) index (a probe per architecture, not a read of every run),
 * then one short index walk per (architecture, check) from the newest run back, instead of joining
 * the components' whole run history.
 */
async function latestChecks(components: ReadonlyArray<{ id: string; type: string }>): Promise<Map<string, CheckEvidence[]>> {
  const rows = await getDb().$queryRaw<(CheckEvidence & { componentId: string })[]>`
    WITH RECURSIVE wanted AS (
      SELECT * FROM unnest(${components.map((c) => c.id)}::uuid[], ${components.map((c) => c.type)}::text[]) AS w("componentId", scope)
    ), archs AS (
      SELECT w."componentId", (SELECT r."architecture" FROM "PreflightRun" r WHERE r."componentId" = w."componentId" ORDER BY r."architecture" LIMIT 1) AS architecture
      FROM wanted w
      UNION ALL
      SELECT a."componentId", (
        SELECT r."architecture" FROM "PreflightRun" r WHERE r."componentId" = a."componentId" AND r."architecture" > a.architecture ORDER BY r."architecture" LIMIT 1)
      FROM archs a WHERE a.architecture IS NOT NULL
    ), names AS (
      SELECT DISTINCT q."scope", unnest(q."checkNames") AS name FROM "Requirement" q WHERE q."scope" IN (SELECT scope FROM wanted)
    )
    SELECT a."componentId"::text AS "componentId", x."canonicalName" AS "checkName", x."outcome"::text AS outcome, x."id"::text AS "runId", x."architecture", x."createdAt" AS at
    FROM archs a
    JOIN wanted w ON w."componentId" = a."componentId"
    JOIN names n ON n."scope" = w.scope
    CROSS JOIN LATERAL (
      SELECT r."id", r."architecture", r."createdAt", c."canonicalName", c."outcome"
      FROM "PreflightRun" r JOIN "CheckResult" c ON c."runId" = r."id" AND c."canonicalName" = n.name
      WHERE r."componentId" = a."componentId" AND r."architecture" = a.architecture
      ORDER BY r."createdAt" DESC, r."id" DESC
      LIMIT 1
    ) x
    WHERE a.architecture IS NOT NULL`;
  const byComponent = new Map<string, CheckEvidence[]>();
  for (const { componentId, ...check } of rows) {
    const list = byComponent.get(componentId);
    if (list) list.push(check);
    else byComponent.set(componentId, [check]);
  }
  return byComponent;
}
