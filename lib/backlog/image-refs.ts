import { parseImageRef } from "@/lib/components/image-ref";
import { trimWordPunctuation } from "@/lib/linear-text";
import { parseMarkdown, plain, walk } from "./markdown";
import type { ParsedItem } from "./schema";

// Finds the container image references an item mentions. Reading a reference is parseImageRef's
// job, the same function the importer uses to turn each one into a component; the rules here only
// decide which readable strings the document means as images rather than file paths or prose.

// parseImageRef takes any first segment with a "." or ":" as the registry without checking it, so
// "IMG=quay.io/team/app:1" (a make argument in prose) would pass as registry "img=quay.io".
const FIRST_SEGMENT = /^[a-z0-9][a-z0-9._-]*(?::\d+)?$/i;
// parseImageRef accepts any algorithm and 32+ hex digits; the parser has always required a full
// sha256 digest, and keeps doing so, so an import creates no component it did not create before.
const DIGEST = /^sha256:[a-f0-9]{64}$/i;
const REGISTRY_HOST = /^(?:localhost|[a-z0-9-]+(?:\.[a-z0-9-]+)+)(?::\d+)?$/i;
const CODE_HOSTS = new Set(["github.com", "gitlab.com", "bitbucket.org"]);
const FILE_EXTENSION = /\.[a-z][a-z0-9]{0,4}$/i;
// "… image (TBD)": the word "image", then no parenthesis before the closing "(TBD)". Read as two
// scans, not one expression: /\bimage\b[^()]*\(TBD\)$/ tried every "image" to the end of the text.
const PLACEHOLDER_END = /\((?:TBD|TBC|TBA|unknown|to be determined)\)$/i;
const IMAGE_WORD = /\bimage\b/i;

export function isImagePlaceholder(text: string): boolean {
  const end = PLACEHOLDER_END.exec(text);
  if (!end) return false;
  const before = text.slice(0, end.index);
  return IMAGE_WORD.test(before.slice(Math.max(before.lastIndexOf("("), before.lastIndexOf(")")) + 1));
}

/** `registry/repository:tag`: a registry-like first segment, or a tag on something that is not a file path. */
export function isImageRef(value: string): boolean {
  const ref = parseImageRef(value);
  // Docker Hub short forms ("ubuntu:22.04") look like "main.go:12" in prose, so a "/" is required.
  if (!ref?.raw.includes("/")) return false;
  const host = ref.raw.split("/")[0] ?? "";
  if (!FIRST_SEGMENT.test(host) || (ref.digest !== null && !DIGEST.test(ref.digest))) return false;
  if (REGISTRY_HOST.test(host) && !CODE_HOSTS.has(host.toLowerCase())) return true;
  // "internal/nodemetrics/nodemetrics.go:91-93" is a file and line range, not an image.
  const name = ref.repository.split("/").pop() ?? "";
  return ref.tag !== null && !FILE_EXTENSION.test(name);
}

/** Image references in a plain string (title, file references), word by word. */
function imageRefsInText(text: string): string[] {
  return text
    .split(/\s+/)
    .map(trimWordPunctuation)
    .filter(isImageRef);
}

/** Image references in code spans (never code blocks) and, for actions, "… image (TBD)" placeholders. */
function imageRefsInMarkdown(markdown: string | null, withPlaceholders: boolean): string[] {
  const refs: string[] = [];
  if (!markdown || !mayHoldImageRefs(markdown, withPlaceholders)) return refs;
  walk(parseMarkdown(markdown), (node) => {
    if (node.type === "inlineCode" && isImageRef(node.value)) refs.push(node.value.trim());
    if (withPlaceholders && node.type === "paragraph") {
      const text = plain(node);
      if (isImagePlaceholder(text)) refs.push(text);
    }
  });
  return refs;
}

// Re-reading an item's markdown is most of the reader's time on large documents, and most texts
// cannot hold what it looks for: a code span needs a backtick, a placeholder one of its words; a
// character reference ("&#96;", "&#84;BD") could spell either, so "&" reads the text too.
const PLACEHOLDER_WORDS = /TB[DCA]|unknown|to be determined/i;
function mayHoldImageRefs(markdown: string, withPlaceholders: boolean): boolean {
  return markdown.includes("`") || markdown.includes("&") || (withPlaceholders && PLACEHOLDER_WORDS.test(markdown));
}

type ItemText = Pick<ParsedItem, "title" | "source" | "fileRefs" | "statusNote" | "description" | "actions">;

// Computed from the item's stored fields in the exporter's layout order, so a re-import of the
// exported document finds the same references in the same order.
export function imageRefsOf(item: ItemText): string[] {
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
