// The app's keyboard shortcuts as data, and the pure rules for reading key presses: which keys
// make a shortcut (one key, or `g` then a letter), and when a key press belongs to a text field
// instead. The help sheet lists this same table, so what it says and what works cannot drift.

export type ShortcutAction =
  | { kind: "go"; path: string; keepProduct: boolean }
  | { kind: "new-item" }
  | { kind: "search" }
  | { kind: "help" };

export type Shortcut = { keys: string[]; label: string; action: ShortcutAction };

export const GO_TO: Record<string, { path: string; label: string }> = {
  o: { path: "/", label: "Overview" },
  i: { path: "/items", label: "Items" },
  p: { path: "/phases", label: "Phases" },
  c: { path: "/components", label: "Components" },
  r: { path: "/runs", label: "Runs" },
  m: { path: "/me", label: "My work" },
};

export const SHORTCUTS: Shortcut[] = [
  ...Object.entries(GO_TO).map(([key, { path, label }]) => ({ keys: ["g", key], label: `Go to ${label}`, action: { kind: "go", path, keepProduct: true } as const })),
  { keys: ["c"], label: "New item", action: { kind: "new-item" } },
  { keys: ["/"], label: "Search", action: { kind: "search" } },
  { keys: ["?"], label: "Show these shortcuts", action: { kind: "help" } },
];

/** Shown in the help sheet beside the table: it works everywhere, text fields included. */
export const SEARCH_CHORD = "Ctrl K / ⌘ K";

/** How long after `g` the second key still counts. */
export const SEQUENCE_MS = 1500;

/**
 * Reads one key press: returns the shortcut it completes, or the pending first key of a sequence
 * (`g`), or neither. An unknown second key drops the sequence without acting.
 */
export function readKey(pending: string | null, key: string): { action: ShortcutAction | null; pending: string | null } {
  const pressed = pending ? [pending, key] : [key];
  const match = SHORTCUTS.find((s) => s.keys.length === pressed.length && s.keys.every((k, i) => k === pressed[i]));
  if (match) return { action: match.action, pending: null };
  if (!pending && SHORTCUTS.some((s) => s.keys.length > 1 && s.keys[0] === key)) return { action: null, pending: key };
  return { action: null, pending: null };
}

/** Ctrl-K or ⌘-K (and no other modifier): opens search from anywhere. */
export function isSearchChord(event: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }): boolean {
  return event.key.toLowerCase() === "k" && (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey;
}

type TargetLike = { tagName?: string; type?: string; isContentEditable?: boolean } | null;

const NOT_TYPED_INTO = new Set(["checkbox", "radio", "button", "submit", "reset", "range", "color", "file", "image"]);

/** A key pressed here is typing (text inputs, text areas, selects, editable content): shortcuts stay quiet. */
export function isTypingTarget(target: TargetLike): boolean {
  if (!target) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName?.toUpperCase();
  if (tag === "TEXTAREA" || tag === "SELECT") return true;
  if (tag === "INPUT") return !NOT_TYPED_INTO.has((target.type ?? "text").toLowerCase());
  return false;
}

/** A path with the current product kept in the query, as the header's links do. */
export function withProduct(path: string, product: string): string {
  return product ? `${path}?product=${encodeURIComponent(product)}` : path;
}
