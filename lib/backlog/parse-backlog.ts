import type { Heading, ListItem, Nodes, Paragraph, PhrasingContent, Root, RootContent, Table } from "mdast";
import { toString } from "mdast-util-to-string";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkStringify, { type Options as StringifyOptions } from "remark-stringify";
import { unified } from "unified";

import { AppError } from "../errors";
import { parseEffort } from "./effort";
import { repairMojibake } from "./mojibake";
import {
  CATEGORIES,
  type Action,
  type Category,
  type ParsedBacklog,
  type ParsedItem,
  type ParsedPhase,
  type ParsedSummaryRow,
  type PhaseTask,
  type Priority,
} from "./schema";
import { LEADING_SYMBOLS, mapStatusLine, statusFieldsFromLine, type StatusFields } from "./status-map";

// Reads the certification backlog document by walking its mdast (headings → sections → items),
// never by matching the whole file with regular expressions. The exporter writes the same shape,
// so parse(export(parse(doc))) equals parse(doc).

// ---------------------------------------------------------------------------------------------
// Errors

export type BacklogParseErrorCode = "no_items" | "not_markdown";

export class BacklogParseError extends AppError {
  declare readonly code: BacklogParseErrorCode;

  constructor(code: BacklogParseErrorCode, message: string, details?: unknown) {
    super(code, message, details);
    this.name = "BacklogParseError";
  }
}

// ---------------------------------------------------------------------------------------------
// Markdown helpers (shared with the exporter so both sides serialise identically)

export const STRINGIFY_OPTIONS: StringifyOptions = {
  bullet: "-",
  rule: "-",
  emphasis: "*",
  strong: "*",
  fences: true,
  listItemIndent: "one",
  incrementListMarker: true,
};

const reader = unified().use(remarkParse).use(remarkGfm);
const writer = unified().use(remarkStringify, STRINGIFY_OPTIONS).use(remarkGfm);

export function parseMarkdown(markdown: string): Root {
  return reader.parse(markdown);
}

export function stringifyMarkdown(root: Root): string {
  return writer.stringify(root);
}

/** Block nodes → markdown, without the trailing newline. */
export function blocksToMarkdown(nodes: RootContent[]): string {
  return nodes.length === 0 ? "" : stringifyMarkdown({ type: "root", children: nodes }).trim();
}

/** Inline nodes → markdown. Edge whitespace is dropped first, else it would be written as "&#x20;". */
export function inlineToMarkdown(nodes: PhrasingContent[]): string {
  const trimmed = trimPhrasing(nodes);
  if (trimmed.length === 0) return "";
  return blocksToMarkdown([{ type: "paragraph", children: trimmed }]);
}

export function markdownToBlocks(markdown: string): RootContent[] {
  return markdown.trim() ? parseMarkdown(markdown).children : [];
}

/** A one-paragraph markdown string → its inline nodes (anything else is kept as plain text). */
export function markdownToInline(markdown: string): PhrasingContent[] {
  const blocks = markdownToBlocks(markdown);
  const first = blocks[0];
  if (blocks.length === 1 && first?.type === "paragraph") return first.children;
  return markdown ? [{ type: "text", value: markdown }] : [];
}

function plain(value: Nodes | Nodes[]): string {
  return toString(value).replace(/\s+/g, " ").trim();
}

function isBlank(node: PhrasingContent): boolean {
  return node.type === "break" || (node.type === "text" && node.value.trim() === "");
}

function trimPhrasing(nodes: PhrasingContent[]): PhrasingContent[] {
  const out = [...nodes];
  while (out[0] && isBlank(out[0])) out.shift();
  while (out.length > 0 && isBlank(out[out.length - 1] as PhrasingContent)) out.pop();
  const first = out[0];
  if (first?.type === "text") out[0] = { ...first, value: first.value.trimStart() };
  const lastIndex = out.length - 1;
  const last = out[lastIndex];
  if (last?.type === "text") out[lastIndex] = { ...last, value: last.value.trimEnd() };
  return out;
}

function walk(node: Nodes, visit: (node: Nodes) => void): void {
  visit(node);
  if ("children" in node) for (const child of node.children) walk(child, visit);
}

// ---------------------------------------------------------------------------------------------
// Paragraph lines and "**Label:** value" fields

type Line = { nodes: PhrasingContent[]; separator: PhrasingContent | null };

/** A paragraph's lines, split at hard breaks and soft line endings. */
function splitLines(paragraph: Paragraph): Line[] {
  const lines: Line[] = [];
  let current: PhrasingContent[] = [];
  for (const child of paragraph.children) {
    if (child.type === "break") {
      lines.push({ nodes: current, separator: child });
      current = [];
    } else if (child.type === "text" && child.value.includes("\n")) {
      const parts = child.value.split("\n");
      parts.forEach((part, index) => {
        if (index > 0) {
          lines.push({ nodes: current, separator: { type: "text", value: "\n" } });
          current = [];
        }
        if (part) current.push({ type: "text", value: part });
      });
    } else {
      current.push(child);
    }
  }
  lines.push({ nodes: current, separator: null });
  return lines.filter((line) => line.nodes.some((node) => !isBlank(node)));
}

function joinLines(lines: Line[]): Paragraph {
  const children: PhrasingContent[] = [];
  lines.forEach((line, index) => {
    children.push(...line.nodes);
    if (index < lines.length - 1) children.push(line.separator ?? { type: "break" });
  });
  return { type: "paragraph", children };
}

type Labelled = { label: string; rest: PhrasingContent[] };

/** "**Source:** x" (or "**Source**: x") → { label: "source", rest: [x] }. */
function lineLabel(line: Line): Labelled | null {
  const nodes = trimPhrasing(line.nodes);
  const [first, second, ...others] = nodes;
  if (first?.type !== "strong") return null;
  const strongText = plain(first);
  if (strongText.endsWith(":")) {
    return { label: normaliseLabel(strongText.slice(0, -1)), rest: nodes.slice(1) };
  }
  if (second?.type === "text" && second.value.startsWith(":")) {
    return { label: normaliseLabel(strongText), rest: [{ ...second, value: second.value.slice(1) }, ...others] };
  }
  return null;
}

function normaliseLabel(label: string): string {
  return label.trim().toLowerCase().replace(/\s+/g, " ");
}

// ---------------------------------------------------------------------------------------------
// Sections

type Block = { heading: Heading; nodes: RootContent[] };
type SectionKind = { type: "category"; category: Category } | { type: "summary" } | { type: "plan" } | { type: "other" };
type Section = { kind: SectionKind; nodes: RootContent[]; blocks: Block[] };

/** The category a section heading or summary label names, e.g. "🔴 CRITICAL BLOCKERS (…)". */
export function categoryFromText(text: string): Category | null {
  const upper = text.toUpperCase();
  if (/NOT\s+REQUIRED/.test(upper)) return "not_required";
  if (/BLOCKER/.test(upper)) return "critical_blocker";
  if (/VERIFICATION|VERIFY/.test(upper)) return "needs_verification";
  if (/COMPLIANT/.test(upper)) return "compliant";
  return null;
}

function sectionKind(heading: Heading): SectionKind {
  const text = plain(heading);
  if (/\bSUMMARY\b/i.test(text)) return { type: "summary" };
  if (/\bIMPLEMENTATION\s+PLAN\b/i.test(text)) return { type: "plan" };
  const category = categoryFromText(text);
  return category ? { type: "category", category } : { type: "other" };
}

/** H2 headings open sections, H3 headings open blocks (items, phases); deeper headings are content. */
function splitSections(root: Root): { title: string | null; sections: Section[] } {
  let title: string | null = null;
  const sections: Section[] = [];
  let section: Section | null = null;
  let block: Block | null = null;
  for (const node of root.children) {
    if (node.type === "heading" && node.depth <= 3) {
      if (node.depth === 1) {
        title ??= plain(node);
        section = null;
        block = null;
      } else if (node.depth === 2) {
        section = { kind: sectionKind(node), nodes: [], blocks: [] };
        sections.push(section);
        block = null;
      } else if (section) {
        block = { heading: node, nodes: [] };
        section.blocks.push(block);
      }
      continue;
    }
    if (block) block.nodes.push(node);
    else section?.nodes.push(node);
  }
  return { title, sections };
}

// ---------------------------------------------------------------------------------------------
// Items

export const PREFLIGHT_CHECK_NAMES = [
  "HasLicense",
  "HasNoProhibitedLabels",
  "HasUniqueTag",
  "LayerCountAcceptable",
  "HasNoProhibitedPackages",
  "RunAsNonRoot",
  "BasedOnUbi",
  "HasModifiedFiles",
  "HasRequiredLabel",
  "HasProhibitedContainerName",
] as const;

const ITEM_KEY = /^([A-Z][A-Z0-9]*-\d+)\s*:\s*/;
const PRIORITY_KEY = /^(P[0-3])-/;

type ItemHeading = { key: string | null; title: string; struck: boolean; suffix: string | null };

/** Splits "Foo ✅ DONE" into title and status suffix (only when an emoji precedes the words). */
function splitTrailingStatus(text: string): { text: string; suffix: string | null } {
  const match = /\s*(\p{Extended_Pictographic}[\p{Extended_Pictographic}\uFE0F\u200D\s]*[A-Za-z'’ ]+)$/u.exec(text);
  if (!match?.[1]) return { text, suffix: null };
  const info = mapStatusLine(match[1]);
  if (!info || info.note !== null) return { text, suffix: null };
  return { text: text.slice(0, match.index), suffix: match[1].trim() };
}

function readItemHeading(heading: Heading): ItemHeading {
  const children = heading.children;
  const lastDelete = children.map((child) => child.type).lastIndexOf("delete");
  const struck = lastDelete >= 0;
  let text = plain(struck ? children.slice(0, lastDelete + 1) : children).replace(LEADING_SYMBOLS, "");
  let suffix = struck ? plain(children.slice(lastDelete + 1)) || null : null;
  if (!struck) ({ text, suffix } = splitTrailingStatus(text));
  const keyMatch = ITEM_KEY.exec(text);
  if (keyMatch) text = text.slice(keyMatch[0].length);
  // "(BLOCKING)" is derived from category + status; the exporter writes it back.
  const title = text.replace(/\s*\(BLOCKING\)\s*$/i, "").trim();
  return { key: keyMatch?.[1] ?? null, title, struck, suffix };
}

type ItemBody = {
  source: PhrasingContent[] | null;
  files: PhrasingContent[] | null;
  effort: PhrasingContent[] | null;
  status: PhrasingContent[] | null;
  description: RootContent[];
  actions: Action[];
};

const FIELD_LABELS: Record<string, "source" | "files" | "effort" | "status"> = {
  source: "source",
  file: "files",
  files: "files",
  effort: "effort",
  status: "status",
};
const ACTION_LABELS = new Set(["action required", "actions required", "actions"]);

function actionsFromList(item: ListItem): Action | null {
  const text = blocksToMarkdown(item.children);
  return text ? { text, done: item.checked === true } : null;
}

/** Sorts an item's body into fields, actions and the rest (the description). */
function readItemBody(nodes: RootContent[]): ItemBody {
  const body: ItemBody = { source: null, files: null, effort: null, status: null, description: [], actions: [] };
  for (let index = 0; index < nodes.length; index++) {
    const node = nodes[index] as RootContent;
    if (node.type === "thematicBreak") continue;
    if (node.type !== "paragraph") {
      body.description.push(node);
      continue;
    }
    const lines = splitLines(node);
    const kept: Line[] = [];
    lines.forEach((line, lineIndex) => {
      const labelled = lineLabel(line);
      const field = labelled ? FIELD_LABELS[labelled.label] : undefined;
      if (labelled && field && body[field] === null) {
        body[field] = labelled.rest;
        return;
      }
      if (labelled && ACTION_LABELS.has(labelled.label)) {
        const inline = inlineToMarkdown(labelled.rest);
        if (inline) body.actions.push({ text: inline, done: false });
        const next = nodes[index + 1];
        // The list right after "**Action Required:**" holds one action per top-level item.
        if (lineIndex === lines.length - 1 && next?.type === "list") {
          for (const item of next.children) {
            const action = actionsFromList(item);
            if (action) body.actions.push(action);
          }
          index++;
        }
        return;
      }
      kept.push(line);
    });
    if (kept.length === lines.length) body.description.push(node);
    else if (kept.length > 0) body.description.push(joinLines(kept));
  }
  return body;
}

/** "`Dockerfile`, `a.go:1-2`" → ["Dockerfile", "a.go:1-2"]; commas inside code spans do not split. */
function readFileRefs(nodes: PhrasingContent[]): string[] {
  const refs: string[] = [];
  let current = "";
  for (const node of nodes) {
    if (node.type !== "text") {
      current += toString(node);
      continue;
    }
    node.value.split(/[,;]/).forEach((part, index) => {
      if (index > 0) {
        refs.push(current);
        current = "";
      }
      current += part;
    });
  }
  refs.push(current);
  return refs.map((ref) => ref.replace(/\s+/g, " ").trim()).filter(Boolean);
}

const IMAGE_REF =
  /^([a-z0-9][a-z0-9._-]*(?::\d+)?(?:\/[a-z0-9][a-z0-9._-]*)+)(?::([\w*][\w.*-]*))?(?:@sha256:[a-f0-9]{64})?$/i;
const REGISTRY_HOST = /^(?:localhost|[a-z0-9-]+(?:\.[a-z0-9-]+)+)(?::\d+)?$/i;
const CODE_HOSTS = new Set(["github.com", "gitlab.com", "bitbucket.org"]);
const IMAGE_PLACEHOLDER = /\bimage\b[^()]*\((?:TBD|TBC|TBA|unknown|to be determined)\)$/i;

/** `registry/repository:tag`: a registry-like first segment, or a tag on something that is not a file path. */
export function isImageRef(value: string): boolean {
  const match = IMAGE_REF.exec(value.trim());
  if (!match?.[1]) return false;
  const segments = match[1].split("/");
  const host = segments[0] ?? "";
  if (REGISTRY_HOST.test(host) && !CODE_HOSTS.has(host.toLowerCase())) return true;
  // "internal/nodemetrics/nodemetrics.go:91-93" is a file and line range, not an image.
  return match[2] !== undefined && !/\.[a-z][a-z0-9]{0,4}$/i.test(segments[segments.length - 1] ?? "");
}

/** Image references in a plain string (title, file references), word by word. */
function imageRefsInText(text: string): string[] {
  return text
    .split(/\s+/)
    .map((word) => word.replace(/^[("'[{<]+|[)"'\]}>,;.]+$/g, ""))
    .filter(isImageRef);
}

/** Image references in code spans (never code blocks) and, for actions, "… image (TBD)" placeholders. */
function imageRefsInMarkdown(markdown: string | null, withPlaceholders: boolean): string[] {
  const refs: string[] = [];
  if (!markdown) return refs;
  walk(parseMarkdown(markdown), (node) => {
    if (node.type === "inlineCode" && isImageRef(node.value)) refs.push(node.value.trim());
    if (withPlaceholders && node.type === "paragraph") {
      const text = plain(node);
      if (IMAGE_PLACEHOLDER.test(text)) refs.push(text);
    }
  });
  return refs;
}

type ItemContent = Omit<ParsedItem, "imageRefs" | "checkNames">;

// Computed from the item's stored fields in the exporter's layout order, so a re-import of the
// exported document finds the same references in the same order.
function imageRefsOf(item: ItemContent): string[] {
  const refs = [
    ...imageRefsInText(item.title),
    ...imageRefsInMarkdown(item.source, false),
    ...item.fileRefs.flatMap(imageRefsInText),
    ...imageRefsInMarkdown(item.statusNote, false),
    ...imageRefsInMarkdown(item.description, false),
    ...item.actions.flatMap((action) => imageRefsInMarkdown(action.text, true)),
  ];
  return [...new Set(refs)];
}

function checkNamesOf(item: ItemContent): string[] {
  const text = [item.title, item.source, ...item.fileRefs, item.statusNote, item.description]
    .concat(item.actions.map((action) => action.text))
    .join("\n");
  return PREFLIGHT_CHECK_NAMES.filter((name) => new RegExp(`\\b${name}\\b`).test(text));
}

/** Status when the item has no (readable) **Status:** line. */
function fallbackStatus(heading: ItemHeading, category: Category): StatusFields {
  const fromSuffix = heading.suffix ? mapStatusLine(heading.suffix) : null;
  if (fromSuffix) return { status: fromSuffix.status, latestResult: fromSuffix.latestResult, statusNote: null };
  if (heading.struck) return { status: category === "not_required" ? "wont_do" : "done", latestResult: null, statusNote: null };
  return { status: category === "compliant" ? "done" : "not_started", latestResult: null, statusNote: null };
}

type RawItem = { key: string | null; category: Category; content: Omit<ItemContent, "key" | "priority"> };

function readItem(block: Block, category: Category, warnings: string[]): RawItem {
  const heading = readItemHeading(block.heading);
  const body = readItemBody(block.nodes);
  const name = heading.key ?? heading.title;

  let status = fallbackStatus(heading, category);
  if (body.status) {
    const line = inlineToMarkdown(body.status);
    const fromLine = statusFieldsFromLine(line, category);
    if (fromLine) status = fromLine;
    else {
      warnings.push(`${name}: status "${line}" not recognised; read as ${status.status}.`);
      status = { ...status, statusNote: line || null };
    }
  }
  if (heading.struck && !["done", "wont_do"].includes(status.status)) {
    warnings.push(`${name}: heading is struck through but the status line says ${status.status}; kept ${status.status}.`);
  }

  const effortText = body.effort ? plain(body.effort) || null : null;
  const effort = parseEffort(effortText);
  return {
    key: heading.key,
    category,
    content: {
      title: heading.title || heading.key || "",
      category,
      ...status,
      source: body.source ? inlineToMarkdown(body.source) || null : null,
      fileRefs: body.files ? readFileRefs(body.files) : [],
      effortText,
      effortMinHours: effort?.min ?? null,
      effortMaxHours: effort?.max ?? null,
      description: blocksToMarkdown(body.description),
      actions: body.actions,
    },
  };
}

const CATEGORY_NAMES: Record<Category, string> = {
  critical_blocker: "Critical blockers",
  needs_verification: "Needs verification",
  not_required: "Not required",
  compliant: "Compliant",
};

/**
 * Keys, de-duplication and order. Keyless compliant items get C-1, C-2… in document order
 * (skipping keys the document uses), so a re-import matches them again. An item listed twice
 * keeps its later occurrence (the document's own section for it), with a warning. Items are
 * ordered by category, then document order, which is the order the exporter writes.
 */
function finishItems(raw: RawItem[], warnings: string[]): ParsedItem[] {
  const explicit = new Set(raw.flatMap((item) => (item.key ? [item.key] : [])));
  let next = 1;
  const byKey = new Map<string, { category: Category; item: ParsedItem }>();
  for (const { key: writtenKey, category, content } of raw) {
    let key = writtenKey;
    if (key === null) {
      while (explicit.has(`C-${next}`)) next++;
      key = `C-${next++}`;
    }
    const full: ItemContent = { key, priority: (PRIORITY_KEY.exec(key)?.[1] as Priority | undefined) ?? null, ...content };
    const item: ParsedItem = { ...full, imageRefs: imageRefsOf(full), checkNames: checkNamesOf(full) };
    const earlier = byKey.get(key);
    if (earlier) {
      warnings.push(
        `${key} is listed twice (under ${CATEGORY_NAMES[earlier.category]} and ${CATEGORY_NAMES[category]}); merged into one item under ${CATEGORY_NAMES[category]}.`,
      );
      byKey.delete(key);
    }
    byKey.set(key, { category, item });
  }
  const items = [...byKey.values()].map(({ item }) => item);
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => CATEGORIES.indexOf(a.item.category) - CATEGORIES.indexOf(b.item.category) || a.index - b.index)
    .map(({ item }) => item);
}

// ---------------------------------------------------------------------------------------------
// Implementation plan

const PHASE_HEADING = /^phase\s+(\d+)\s*[:.\-–—]?\s*(.*)$/i;
const KEY_MENTION = /\b[A-Z][A-Z0-9]*-\d+\b/g;

/** "1. **Rebuild Published Image** (15 minutes)" with nested bullets → a task. */
function readTask(item: ListItem): PhaseTask | null {
  const [first, ...rest] = item.children;
  let title = "";
  let estimateText: string | null = null;
  if (first?.type === "paragraph") {
    const nodes = trimPhrasing(first.children);
    const lead = nodes[0];
    const strongText = lead?.type === "strong" ? plain(lead) : "";
    let after = plain(lead?.type === "strong" ? nodes.slice(1) : nodes);
    const estimate = /^(.*?)\s*\(([^()]+)\)$/.exec(after);
    // Without bold, only a parenthesis that reads as an effort is taken as the estimate.
    if (estimate?.[2] && (strongText || parseEffort(estimate[2]))) {
      after = estimate[1] ?? "";
      estimateText = estimate[2].trim();
    }
    title = [strongText, after].filter(Boolean).join(" ");
  }
  const details = (first?.type === "paragraph" ? rest : item.children).flatMap((node) =>
    node.type === "list" ? node.children.map((child) => blocksToMarkdown(child.children)) : [blocksToMarkdown([node])],
  );
  if (!title) return null;
  return { title, estimateText, details: details.filter(Boolean), done: item.checked === true };
}

function readPhase(block: Block): ParsedPhase | null {
  const match = PHASE_HEADING.exec(plain(block.heading).replace(LEADING_SYMBOLS, ""));
  if (!match?.[1]) return null;
  const order = Number(match[1]);
  let name = (match[2] ?? "").trim();
  let estimateText: string | null = null;
  const estimate = /^(.*?)\s*\(([^()]*)\)$/.exec(name);
  if (estimate) {
    name = estimate[1] ?? "";
    estimateText = estimate[2]?.trim() || null;
  }
  const phase: ParsedPhase = { key: `phase-${order}`, order, name, estimateText, deliverable: null, tasks: [], itemKeys: [] };
  for (const node of block.nodes) {
    if (node.type === "list") {
      phase.tasks.push(...node.children.flatMap((item) => readTask(item) ?? []));
    } else if (node.type === "paragraph") {
      for (const line of splitLines(node)) {
        const labelled = lineLabel(line);
        if (labelled?.label === "blockers") {
          phase.itemKeys = [...new Set(plain(labelled.rest).match(KEY_MENTION) ?? [])];
        } else if (labelled?.label === "deliverable") {
          phase.deliverable = inlineToMarkdown(labelled.rest) || null;
        }
      }
    }
  }
  return phase;
}

// ---------------------------------------------------------------------------------------------
// Executive summary

function readSummary(table: Table, warnings: string[]): ParsedSummaryRow[] {
  const [header, ...rows] = table.children;
  const headers = header?.children.map((cell) => plain(cell).toLowerCase()) ?? [];
  const column = (name: string, fallback: number): number => {
    const index = headers.findIndex((text) => text.includes(name));
    return index >= 0 ? index : fallback;
  };
  const [categoryColumn, countColumn, effortColumn] = [column("category", 0), column("count", 2), column("effort", 3)];
  const summary: ParsedSummaryRow[] = [];
  for (const row of rows) {
    const cell = (index: number): string => {
      const found = row.children[index];
      return found ? plain(found) : "";
    };
    const label = cell(categoryColumn).replace(LEADING_SYMBOLS, "");
    const category = categoryFromText(label);
    if (!category) {
      warnings.push(`Executive summary row "${label}" names no known category; ignored.`);
      continue;
    }
    const count = /\d+/.exec(cell(countColumn))?.[0];
    const effort = cell(effortColumn);
    summary.push({
      category,
      label,
      count: count === undefined ? null : Number(count),
      effortText: effort === "" || /^[-–—]$/.test(effort) ? null : effort,
    });
  }
  return summary;
}

// ---------------------------------------------------------------------------------------------
// Entry point

// More than 1% control characters (or any NUL) means binary, not text.
const CONTROL_CHARS = /[\u0001-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFD]/g;

function assertLooksLikeMarkdown(text: string): void {
  if (text.trim() === "") throw new BacklogParseError("not_markdown", "The document is empty.");
  const controls = text.match(CONTROL_CHARS)?.length ?? 0;
  if (text.includes("\u0000") || controls > text.length * 0.01) {
    throw new BacklogParseError("not_markdown", "The document looks like binary data, not markdown.");
  }
  const trimmed = text.trim();
  if (/^[[{]/.test(trimmed)) {
    let json: unknown = null;
    try {
      json = JSON.parse(trimmed);
    } catch {
      // Not JSON: "[link](…)" is a perfectly good start for markdown.
    }
    if (typeof json === "object" && json !== null) {
      throw new BacklogParseError("not_markdown", "The document is JSON, not markdown.");
    }
  }
  if (/^<(?:!doctype\s+html|html|\?xml|svg)\b/i.test(trimmed)) {
    throw new BacklogParseError("not_markdown", "The document is HTML or XML, not markdown.");
  }
}

/** BOM, CRLF and Mac-Roman mojibake removed, in an order that also handles a double-encoded BOM. */
export function normaliseBacklogText(input: string): string {
  const stripped = input.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  return repairMojibake(stripped).replace(/^\uFEFF/, "");
}

function parseOrThrow(input: string): ParsedBacklog {
  if (typeof input !== "string") throw new BacklogParseError("not_markdown", "The document is not text.");
  const text = normaliseBacklogText(input);
  assertLooksLikeMarkdown(text);
  const root = parseMarkdown(text);
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
      }
    } else if (kind.type === "plan") {
      for (const block of section.blocks) {
        const phase = readPhase(block);
        if (phase && !phases.has(phase.key)) phases.set(phase.key, phase);
      }
    } else if (kind.type === "summary" && summary.length === 0) {
      const table = [...section.nodes, ...section.blocks.flatMap((block) => block.nodes)].find(
        (node): node is Table => node.type === "table",
      );
      if (table) summary = readSummary(table, warnings);
    }
  }

  if (raw.length === 0) {
    throw new BacklogParseError(
      "no_items",
      'No backlog items found: expected "### P0-1: Title" headings under a section such as "## CRITICAL BLOCKERS".',
    );
  }
  if (title === null) warnings.push("The document has no title (# heading).");

  return {
    title: title ?? "",
    items: finishItems(raw, warnings),
    phases: [...phases.values()].sort((a, b) => a.order - b.order),
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
