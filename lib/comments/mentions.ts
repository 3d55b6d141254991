import type { Link, Parent, PhrasingContent, Root, RootContent, Text } from "mdast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { itemsUrl } from "@/lib/backlog/urls";

// `@name` mentions in comment markdown. One reading serves both sides: the server stores who a
// comment mentions, the browser links the same words, so code spans, code blocks and link texts
// never mention anyone on either side. Pure: safe in the browser and on the server.

export type MentionUser = { id: string; name: string; email: string };

// A handle: letters, digits and `_ % + -`, dot-separated (a trailing dot ends the sentence, not
// the handle), optionally followed by `@domain` when a whole email address is written.
const PART = String.raw`[\p{L}\p{N}_%+\-]+`;
const HANDLE = String.raw`${PART}(?:\.${PART})*(?:@[\p{L}\p{N}\-]+(?:\.[\p{L}\p{N}\-]+)+)?`;
// Not after a word character or another `@`: "bob@example.com" is an address, not a mention.
const BOUNDARY = String.raw`(?<![\p{L}\p{N}_@.+\-])`;
const MENTION = new RegExp(String.raw`${BOUNDARY}@(${HANDLE})`, "gu");
const TRAILING_AT = new RegExp(String.raw`${BOUNDARY}@$`, "u");
const NOT_IN_NAME_KEY = /[^\p{L}\p{N}_%+.\-]/gu;

const emailKey = (user: MentionUser) => user.email.toLowerCase();
const localKey = (user: MentionUser) => user.email.toLowerCase().split("@")[0] ?? "";
/** "Alice Example" → "aliceexample": a name is mentioned without its spaces. */
export const nameKey = (name: string) => name.replace(NOT_IN_NAME_KEY, "").replace(/^\.+|\.+$/g, "").toLowerCase();

/**
 * Who a handle names among `users`: by whole email, else by the email's local part, else by the
 * name without spaces, case-insensitively. A handle that fits two people at the first rule it
 * fits names nobody (it stays plain text rather than notifying the wrong person). The tables are
 * built once, so a comment of thousands of handles costs one lookup each.
 */
export function mentionResolver(users: readonly MentionUser[]): (handle: string) => MentionUser | null {
  const tables = [emailKey, localKey, (u: MentionUser) => nameKey(u.name)].map((key) => {
    const table = new Map<string, MentionUser[]>();
    for (const user of users) table.set(key(user), [...(table.get(key(user)) ?? []), user]);
    return table;
  });
  return (handle) => {
    const wanted = handle.toLowerCase();
    for (const table of tables) {
      const hits = table.get(wanted);
      if (hits) return hits.length === 1 ? hits[0]! : null;
    }
    return null;
  };
}

export function resolveHandle(handle: string, users: readonly MentionUser[]): MentionUser | null {
  return mentionResolver(users)(handle);
}

/** Where a mention leads: the person's work on the product. */
export function mentionHref(email: string, product: string): string {
  return itemsUrl({ assignee: email, product });
}

/** Called for each `@handle` found; a node returned replaces the handle's text. */
type OnMention = (handle: string, text: string) => PhrasingContent | null;

function textOf(node: Link): string | null {
  const [only] = node.children;
  return node.children.length === 1 && only?.type === "text" ? only.value : null;
}

/** Splits one text node around its mentions. */
function splitText(node: Text, onMention: OnMention): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  let last = 0;
  for (const match of node.value.matchAll(MENTION)) {
    const replacement = onMention(match[1]!, match[0]);
    if (!replacement) continue;
    if (match.index > last) out.push({ type: "text", value: node.value.slice(last, match.index) });
    out.push(replacement);
    last = match.index + match[0].length;
  }
  if (last === 0) return [node];
  if (last < node.value.length) out.push({ type: "text", value: node.value.slice(last) });
  return out;
}

/**
 * Walks every text node outside links and code. GFM already turned `@alice@example.com` into "@"
 * followed by a mailto link of the address; that pair is read as one mention.
 */
function visit(parent: Parent, onMention: OnMention): void {
  const children = parent.children as RootContent[];
  const next: RootContent[] = [];
  for (let i = 0; i < children.length; i += 1) {
    const child = children[i]!;
    const following = children[i + 1];
    if (child.type === "text" && following?.type === "link" && TRAILING_AT.test(child.value)) {
      const address = textOf(following);
      if (address && following.url === `mailto:${address}`) {
        // In document order: the text's own mentions first, then the address after its "@".
        next.push(...splitText({ type: "text", value: child.value.slice(0, -1) }, onMention));
        const replacement = onMention(address, `@${address}`);
        if (replacement) {
          next.push(replacement);
          i += 1;
        } else {
          next.push({ type: "text", value: "@" });
        }
        continue;
      }
    }
    if (child.type === "text") next.push(...splitText(child, onMention));
    else {
      if ("children" in child && child.type !== "link" && child.type !== "linkReference") visit(child, onMention);
      next.push(child);
    }
  }
  parent.children = next.filter((node) => node.type !== "text" || node.value !== "") as Parent["children"];
}

const reader = unified().use(remarkParse).use(remarkGfm);

/** Every `@handle` a comment's markdown holds, in order (duplicates kept). */
export function mentionHandles(markdown: string): string[] {
  const handles: string[] = [];
  visit(reader.parse(markdown), (handle) => {
    handles.push(handle);
    return null;
  });
  return handles;
}

/** The people `handles` name, once each, in order of first mention. */
export function resolveMentions(handles: readonly string[], users: readonly MentionUser[]): MentionUser[] {
  const resolve = mentionResolver(users);
  const found = new Map<string, MentionUser>();
  for (const handle of handles) {
    const user = resolve(handle);
    if (user && !found.has(user.id)) found.set(user.id, user);
  }
  return [...found.values()];
}

/**
 * A remark plugin for the comment renderer: each handle that names one of `users` (the people the
 * server stored for the comment) becomes a link to their work; anything else stays text.
 */
export function remarkMentions(options: { users: readonly MentionUser[]; product: string }) {
  return (tree: Root) => {
    if (options.users.length === 0) return;
    const resolve = mentionResolver(options.users);
    visit(tree, (handle, text) => {
      const user = resolve(handle);
      if (!user) return null;
      return { type: "link", url: mentionHref(user.email, options.product), title: user.name, children: [{ type: "text", value: text }] };
    });
  };
}
