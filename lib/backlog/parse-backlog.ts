import { assertLooksLikeMarkdown, assertReadableStructure, normaliseBacklogText } from "./document-text";
import { finishItems } from "./finish-items";
import { linkDocument } from "./link-components";
import { plain } from "./markdown";
import { parseMarkdownInChunks } from "./markdown-chunks";
import { BacklogParseError } from "./parse-error";
import { readItem, type RawItem } from "./parse-item";
import { readPhase } from "./parse-phases";
import { readSummary } from "./parse-summary";
import type { ParsedBacklog, ParsedPhase, ParsedSummaryRow } from "./schema";
import { CATEGORY_NAMES, splitSections } from "./split-sections";

// Reads the certification backlog document by walking its mdast (headings → sections → items),
// never by matching the whole file with regular expressions. The exporter writes the same shape,
// so parse(export(parse(doc))) equals parse(doc). This file is the walk; each kind of section is
// read by its own module.

// Callers catch the error thrown by parseBacklog, so it is exported from here too.
export { BacklogParseError, type BacklogParseErrorCode } from "./parse-error";

// The customer's document has 19 items; an import writes every item in one transaction, so a
// document listing thousands is refused before anything is written.
export const MAX_ITEMS = 2000;

function parseOrThrow(input: string): ParsedBacklog {
  if (typeof input !== "string") throw new BacklogParseError("not_markdown", "The document is not text.");
  const text = normaliseBacklogText(input);
  assertLooksLikeMarkdown(text);
  assertReadableStructure(text);
  const root = parseMarkdownInChunks(text);
  if (root.children.every((node) => node.type === "html")) {
    throw new BacklogParseError("not_markdown", "The document is HTML, not markdown.");
  }

  const warnings: string[] = [];
  const { title, sections } = splitSections(root);
  const raw: RawItem[] = [];
  const phases = new Map<string, ParsedPhase>();
  let summary: ParsedSummaryRow[] = [];
  for (const section of sections) {
    const { kind } = section;
    if (kind.type === "category") {
      for (const block of section.blocks) {
        const item = readItem(block, kind.category, warnings);
        if (item.key === null && kind.category !== "compliant") {
          warnings.push(`"${plain(block.heading)}" under ${CATEGORY_NAMES[kind.category]} has no key (like P0-1); ignored.`);
          continue;
        }
        raw.push(item);
        if (raw.length > MAX_ITEMS) {
          throw new BacklogParseError("not_markdown", `The document lists more than ${MAX_ITEMS.toLocaleString("en-US")} items; Certboard imports at most ${MAX_ITEMS.toLocaleString("en-US")} at a time.`);
        }
      }
    } else if (kind.type === "plan") {
      for (const block of section.blocks) {
        const phase = readPhase(block);
        if (phase && !phases.has(phase.key)) phases.set(phase.key, phase);
      }
    } else if (kind.type === "summary" && summary.length === 0) {
      // The first summary section with a readable table wins.
      summary = readSummary(section, warnings);
    }
  }

  if (raw.length === 0) {
    throw new BacklogParseError(
      "no_items",
      'No backlog items found: expected "### P0-1: Title" headings under a section such as "## CRITICAL BLOCKERS".',
    );
  }
  if (title === null) warnings.push("The document has no title (# heading).");

  const orderedPhases = [...phases.values()].sort((a, b) => a.order - b.order);
  return {
    title: title ?? "",
    items: linkDocument(finishItems(raw, warnings), orderedPhases),
    phases: orderedPhases,
    summary,
    warnings,
  };
}

/** Reads the backlog document. Throws BacklogParseError (never anything else) for unusable input. */
export function parseBacklog(markdown: string): ParsedBacklog {
  try {
    return parseOrThrow(markdown);
  } catch (error) {
    if (error instanceof BacklogParseError) throw error;
    // Pathological input (e.g. nesting deep enough to exhaust the stack) is still "not a backlog".
    throw new BacklogParseError("not_markdown", "The document could not be read as markdown.", {
      cause: error instanceof Error ? error.message : String(error),
    });
  }
}
