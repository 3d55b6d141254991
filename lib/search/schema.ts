import { z } from "zod";
import { productQuerySchema } from "@/lib/backlog/schema";

/** `GET /api/v1/search?q=&product=`: the words to find, trimmed, 1 to 200 characters. */
export const searchQuerySchema = productQuerySchema.extend({
  q: z.string({ error: "q is required: the words to search for." }).trim().min(1, "q must not be empty.").max(200, "q must be at most 200 characters."),
});
export type SearchQuery = z.infer<typeof searchQuerySchema>;

export const SEARCH_KINDS = ["item", "component", "run", "phase", "requirement"] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** One thing the search found, with the page that shows it. */
export type SearchResult = { kind: SearchKind; id: string; title: string; subtitle: string; href: string };
export type SearchResponse = { results: SearchResult[] };

/** At most this many results of each kind, so one busy kind (runs) never hides the others. */
export const RESULTS_PER_KIND = 8;

export const searchResponseSchema = z
  .object({ results: z.array(z.object({ kind: z.enum(SEARCH_KINDS), id: z.string(), title: z.string(), subtitle: z.string(), href: z.string() })) })
  .meta({ id: "SearchResults" });
