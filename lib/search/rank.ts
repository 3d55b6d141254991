import { RESULTS_PER_KIND, SEARCH_KINDS, type SearchResult } from "@/lib/search/schema";

// Pure half of the search: how a query splits into words, how it is made safe for LIKE, and how
// candidates the database found are ranked. The database filters (fast, with trigram indexes);
// this decides the order a person reads, so it can be tested without one.

const MAX_TERMS = 8;

/** The query's distinct words, lower-cased (at most 8: more words only narrow an AND further). */
export function searchTerms(q: string): string[] {
  const words = q.toLowerCase().split(/\s+/).filter(Boolean);
  return [...new Set(words)].slice(0, MAX_TERMS);
}

/** Escapes LIKE's wildcards (and its escape character), so `50%` or `run_1` match literally. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * A digest prefix as people paste it (`sha256:1a2b…` or just `1a2b3c`), as the lower-case hex to
 * look for after `sha256:`; null when the query is not one. Four hex digits at least: shorter
 * prefixes match nearly everything.
 */
export function digestPrefix(q: string): string | null {
  const match = /^(?:sha256:)?([0-9a-f]{4,64})$/i.exec(q.trim());
  return match ? match[1]!.toLowerCase() : null;
}

type Text = string | null | undefined;

/**
 * Where a candidate stands for the query, best first: 0 an identifier equals it (key, code, slug,
 * name, tag), 1 an identifier starts with it, 2 every word starts a word of the text, 3 every word
 * occurs in the text, 4 anything else (the database found it by similarity).
 */
export function matchTier(q: string, identifiers: Text[], text: Text[]): number {
  const query = q.trim().toLowerCase();
  const ids = identifiers.filter((v): v is string => !!v).map((v) => v.toLowerCase());
  if (ids.some((id) => id === query)) return 0;
  if (ids.some((id) => id.startsWith(query))) return 1;
  const haystack = [...ids, ...text.filter((v): v is string => !!v).map((v) => v.toLowerCase())].join(" \n ");
  const terms = searchTerms(query);
  const words = haystack.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const termWords = (term: string) => term.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  if (terms.every((term) => termWords(term).every((w) => words.some((word) => word.startsWith(w))))) return 2;
  if (terms.every((term) => haystack.includes(term))) return 3;
  return 4;
}

/** A row the database found: the answer, what its tier is judged on, and its similarity to the query. */
export type Candidate = SearchResult & { identifiers: Text[]; text: Text[]; similarity: number };

/**
 * Ranks candidates: by tier, then similarity, then the database's order (newest runs first); at
 * most `perKind` of each kind; the kinds interleaved by tier so an exact key is first whatever its kind.
 */
export function rankCandidates(q: string, candidates: Candidate[], perKind = RESULTS_PER_KIND): SearchResult[] {
  const scored = candidates.map((c, index) => ({ c, index, tier: matchTier(q, c.identifiers, c.text) }));
  scored.sort((a, b) => a.tier - b.tier || b.c.similarity - a.c.similarity || a.index - b.index);
  const taken = new Map<string, number>();
  const kept = scored.filter(({ c }) => {
    const count = taken.get(c.kind) ?? 0;
    taken.set(c.kind, count + 1);
    return count < perKind;
  });
  const kindOrder = (kind: string) => SEARCH_KINDS.indexOf(kind as (typeof SEARCH_KINDS)[number]);
  // Within a tier, kinds keep a fixed order so the list does not jump about as more letters are typed.
  kept.sort((a, b) => a.tier - b.tier || kindOrder(a.c.kind) - kindOrder(b.c.kind) || b.c.similarity - a.c.similarity || a.index - b.index);
  return kept.map(({ c }) => ({ kind: c.kind, id: c.id, title: c.title, subtitle: c.subtitle, href: c.href }));
}
