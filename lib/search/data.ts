import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { CATEGORY_LABELS, STATUS_LABELS, type Category, type Status } from "@/lib/backlog/schema";
import { getDb } from "@/lib/db";
import type { ProductRef } from "@/lib/products/data";
import { digestPrefix, escapeLike, rankCandidates, searchTerms, type Candidate } from "@/lib/search/rank";
import type { SearchResult } from "@/lib/search/schema";
import { runName } from "@/lib/run-text";

// Search over one product's items, components, runs and phases, and the requirement catalog. Each
// kind filters with ILIKE on every word, or word similarity for near misses (GIN trigram indexes serve
// both, see migrations search_indexes and item_search_text), and returns a few more rows than are
// shown; rank.ts orders them.

/** Rows read per kind before ranking: enough that an exact key is among them, few enough to stay cheap. */
const CANDIDATES = 30;

type Ctx = { q: string; terms: string[]; product: ProductRef };

/** Words this short are matched literally only: as near misses they would match almost anything. */
const MIN_FUZZY_LENGTH = 4;

/**
 * Every word occurs in one of `columns` (each word may match a different column), or, for a word
 * of four letters or more, nearly occurs as a word of `fuzzy` (pg_trgm's `<%`: a typo still finds it).
 */
function allWords(terms: string[], columns: Prisma.Sql[], fuzzy?: Prisma.Sql): Prisma.Sql {
  return Prisma.join(
    terms.map((term) => {
      const pattern = `%${escapeLike(term)}%`;
      const near = fuzzy && term.length >= MIN_FUZZY_LENGTH ? [Prisma.sql`${term} <% ${fuzzy}`] : [];
      return Prisma.sql`(${Prisma.join([...columns.map((column) => Prisma.sql`${column} ILIKE ${pattern}`), ...near], " OR ")})`;
    }),
    " AND ",
  );
}

const productQuery = (product: ProductRef) => `?product=${encodeURIComponent(product.slug)}`;

/**
 * An item's searchable text: key, title, description and source, lowered and joined by spaces. It is
 * written exactly as "BacklogItem_search_trgm_idx" (migration item_search_text) so the planner uses it.
 */
const ITEM_TEXT = Prisma.sql`lower(i."key" || ' ' || i."title" || ' ' || i."description" || ' ' || coalesce(i."source", ''))`;

/**
 * Items holding every word, through the one trigram index over their text. Near misses (a typo in a
 * title word) are looked for only when fewer than CANDIDATES items hold the words literally: ORed into
 * one statement they made the planner read every item of the product.
 */
async function itemCandidates({ q, terms, product }: Ctx): Promise<Candidate[]> {
  const literal = (term: string) => Prisma.sql`${ITEM_TEXT} LIKE lower(${`%${escapeLike(term)}%`})`;
  const exact = await itemRows(product, q, Prisma.join(terms.map(literal), " AND "));
  const near =
    exact.length < CANDIDATES && terms.some((term) => term.length >= MIN_FUZZY_LENGTH)
      ? await itemRows(
          product,
          q,
          Prisma.sql`${Prisma.join(
            terms.map((term) => (term.length >= MIN_FUZZY_LENGTH ? Prisma.sql`(${literal(term)} OR ${term} <% i."title")` : literal(term))),
            " AND ",
          )} AND i."id" <> ALL(${exact.map((row) => row.id)}::uuid[])`,
        )
      : [];
  return [...exact, ...near].map((row) => ({
    kind: "item",
    id: row.id,
    title: `${row.key} · ${row.title}`,
    subtitle: `${CATEGORY_LABELS[row.category]} · ${STATUS_LABELS[row.status]}`,
    href: `/items/${encodeURIComponent(row.key)}${productQuery(product)}`,
    identifiers: [row.key],
    text: [row.title, row.source],
    similarity: row.similarity,
  }));
}

type ItemRow = { id: string; key: string; title: string; category: Category; status: Status; source: string | null; similarity: number };

/** The first CANDIDATES items of the product that `where` keeps, exact key first, then by similarity. */
function itemRows(product: ProductRef, q: string, where: Prisma.Sql): Promise<ItemRow[]> {
  return getDb().$queryRaw<ItemRow[]>`
    SELECT i."id"::text AS id, i."key", i."title", i."category"::text AS category, i."status"::text AS status, i."source",
      greatest(similarity(i."key", ${q}), word_similarity(${q}, i."title"))::float8 AS similarity
    FROM "BacklogItem" i
    WHERE i."productId" = ${product.id}::uuid AND ${where}
    ORDER BY lower(i."key") = lower(${q}) DESC, i."key" ILIKE ${`${escapeLike(q)}%`} DESC, similarity DESC, i."key"
    LIMIT ${CANDIDATES}`;
}

async function componentCandidates({ q, terms, product }: Ctx): Promise<Candidate[]> {
  const rows = await getDb().$queryRaw<{ id: string; slug: string; name: string; imageRef: string | null; repository: string | null; registry: string | null; similarity: number }[]>`
    SELECT c."id"::text AS id, c."slug", c."name", c."imageRef", c."repository", c."registry",
      greatest(similarity(c."name", ${q}), similarity(c."slug", ${q}), word_similarity(${q}, coalesce(c."imageRef", '')))::float8 AS similarity
    FROM "Component" c
    WHERE c."productId" = ${product.id}::uuid
      AND ${allWords(terms, [Prisma.sql`c."name"`, Prisma.sql`c."slug"`, Prisma.sql`c."imageRef"`, Prisma.sql`c."repository"`, Prisma.sql`c."registry"`], Prisma.sql`c."name"`)}
    ORDER BY similarity DESC, c."name"
    LIMIT ${CANDIDATES}`;
  return rows.map((row) => ({
    kind: "component",
    id: row.id,
    title: row.name,
    subtitle: row.imageRef ?? [row.registry, row.repository].filter(Boolean).join("/"),
    href: `/components/${encodeURIComponent(row.slug)}${productQuery(product)}`,
    identifiers: [row.slug, row.name, row.repository],
    text: [row.imageRef],
    similarity: row.similarity,
  }));
}

async function runCandidates({ q, terms, product }: Ctx): Promise<Candidate[]> {
  const hex = digestPrefix(q);
  const byDigest = hex ? Prisma.sql`r."imageDigest" LIKE ${`sha256:${hex}%`} OR` : Prisma.empty;
  const rows = await getDb().$queryRaw<{ id: string; imageRef: string; imageTag: string | null; imageDigest: string | null; architecture: string; passed: boolean; createdAt: Date; componentName: string | null }[]>`
    SELECT r."id"::text AS id, r."imageRef", r."imageTag", r."imageDigest", r."architecture", r."passed", r."createdAt", c."name" AS "componentName"
    FROM "PreflightRun" r LEFT JOIN "Component" c ON c."id" = r."componentId"
    WHERE r."productId" = ${product.id}::uuid
      AND (${byDigest} ${allWords(terms, [Prisma.sql`r."imageRef"`, Prisma.sql`r."imageDigest"`])})
    ORDER BY r."createdAt" DESC, r."id" DESC
    LIMIT ${CANDIDATES}`;
  return rows.map((row) => {
    const digest = row.imageDigest?.replace(/^sha256:/, "") ?? null;
    return {
      kind: "run",
      id: row.id,
      title: runName({ component: row.componentName ?? row.imageRef, tag: row.imageTag, architecture: row.architecture }),
      subtitle: [row.passed ? "Passed" : "Failed", digest && `sha256:${digest.slice(0, 12)}`, row.createdAt.toISOString().slice(0, 10)].filter(Boolean).join(" · "),
      href: `/runs/${row.id}`,
      identifiers: [row.imageTag, digest, row.imageDigest],
      text: [row.componentName, row.imageRef],
      similarity: 0,
    };
  });
}

async function phaseCandidates({ q, terms, product }: Ctx): Promise<Candidate[]> {
  const rows = await getDb().$queryRaw<{ id: string; key: string; name: string; order: number; completedAt: Date | null; similarity: number }[]>`
    SELECT p."id"::text AS id, p."key", p."name", p."order", p."completedAt",
      greatest(similarity(p."key", ${q}), word_similarity(${q}, p."name"))::float8 AS similarity
    FROM "Phase" p
    WHERE p."productId" = ${product.id}::uuid
      AND ${allWords(terms, [Prisma.sql`p."key"`, Prisma.sql`p."name"`], Prisma.sql`p."name"`)}
    ORDER BY similarity DESC, p."order"
    LIMIT ${CANDIDATES}`;
  return rows.map((row) => ({
    kind: "phase",
    id: row.id,
    title: `${row.key} · ${row.name}`,
    subtitle: row.completedAt ? `Phase ${row.order} · completed` : `Phase ${row.order}`,
    href: `/phases/${encodeURIComponent(row.key)}${productQuery(product)}`,
    identifiers: [row.key],
    text: [row.name],
    similarity: row.similarity,
  }));
}

const SCOPE_LABELS: Record<string, string> = {
  container: "Container image requirement",
  operator_bundle: "Operator bundle requirement",
  helm_chart: "Helm chart requirement",
  product: "Listing requirement",
};

async function requirementCandidates({ q, terms, product }: Ctx): Promise<Candidate[]> {
  const db = getDb();
  const rows = await db.$queryRaw<{ code: string; scope: string; title: string; similarity: number }[]>`
    SELECT r."code", r."scope", r."title", greatest(similarity(r."code", ${q}), word_similarity(${q}, r."title"))::float8 AS similarity
    FROM "Requirement" r
    WHERE ${allWords(terms, [Prisma.sql`r."code"`, Prisma.sql`r."title"`], Prisma.sql`r."title"`)}
    ORDER BY similarity DESC, r."scope", r."position"
    LIMIT ${CANDIDATES}`;
  if (rows.length === 0) return [];
  // A component requirement opens the board of the product's first component of its type, where
  // its evidence is; the listing's own (or one no component has) opens the overview's readiness.
  const boards = await db.$queryRaw<{ type: string; slug: string }[]>`
    SELECT DISTINCT ON (c."type") c."type"::text AS type, c."slug" FROM "Component" c
    WHERE c."productId" = ${product.id}::uuid AND NOT c."placeholder" ORDER BY c."type", c."name"`;
  const boardOf = new Map(boards.map((b) => [b.type, b.slug]));
  return rows.map((row) => {
    const board = boardOf.get(row.scope);
    const href = board
      ? `/components/${encodeURIComponent(board)}${productQuery(product)}`
      : `/${productQuery(product)}#${row.scope === "product" ? "listing-requirements" : "what-remains"}`;
    return {
      kind: "requirement",
      id: row.code,
      title: `${row.code} · ${row.title}`,
      subtitle: SCOPE_LABELS[row.scope] ?? row.scope,
      href,
      identifiers: [row.code],
      text: [row.title],
      similarity: row.similarity,
    };
  });
}

/** What the query finds in the product (already checked to be visible to the caller), ranked. */
export async function searchProduct(product: ProductRef, q: string): Promise<SearchResult[]> {
  const ctx: Ctx = { q, terms: searchTerms(q), product };
  const kinds = await Promise.all([itemCandidates(ctx), componentCandidates(ctx), runCandidates(ctx), phaseCandidates(ctx), requirementCandidates(ctx)]);
  return rankCandidates(q, kinds.flat());
}
