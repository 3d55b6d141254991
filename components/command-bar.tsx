"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { CommandPalette, type PaletteCommand } from "@/components/command-palette";
import { ShortcutHelp } from "@/components/shortcut-help";
import { isSearchChord, isTypingTarget, readKey, SEQUENCE_MS, withProduct, type ShortcutAction } from "@/lib/keyboard/shortcuts";

type Props = { product: string; canCreate: boolean; canUpload: boolean; canImport: boolean };

/**
 * The header's search button, and the one keyboard listener of the app: Ctrl/⌘-K anywhere, and
 * single-key shortcuts (`/`, `?`, `c`, `g` then a letter) when no text field has the focus and no
 * dialog is open. Mounted once, in the site header.
 */
export function CommandBar({ product, canCreate, canUpload, canImport }: Props) {
  const router = useRouter();
  const [open, setOpen] = useState<"search" | "help" | null>(null);
  const pending = useRef<{ key: string; at: number } | null>(null);
  const button = useRef<HTMLButtonElement>(null);

  const commands: PaletteCommand[] = [
    { id: "overview", label: "Overview", href: withProduct("/", product) },
    { id: "items", label: "Items", href: withProduct("/items", product) },
    { id: "phases", label: "Phases", href: withProduct("/phases", product) },
    { id: "components", label: "Components", href: withProduct("/components", product) },
    { id: "runs", label: "Runs", href: withProduct("/runs", product) },
    { id: "me", label: "My work", href: withProduct("/me", product) },
    { id: "import", label: canImport ? "Import & export" : "Export", href: withProduct("/import", product) },
    ...(canUpload ? [{ id: "upload", label: "Upload", href: withProduct("/upload", product) }] : []),
    { id: "settings", label: "Settings", href: "/settings/tokens" },
    ...(canCreate ? [{ id: "new-item", label: "New item", href: withProduct("/items/new", product) }] : []),
  ];

  useEffect(() => {
    function act(action: ShortcutAction) {
      if (action.kind === "search") setOpen("search");
      else if (action.kind === "help") setOpen("help");
      else if (action.kind === "new-item") {
        if (canCreate) router.push(withProduct("/items/new", product));
      } else router.push(action.keepProduct ? withProduct(action.path, product) : action.path);
    }
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.isComposing) return;
      if (isSearchChord(event)) {
        event.preventDefault();
        setOpen("search");
        return;
      }
      if (open || event.ctrlKey || event.metaKey || event.altKey) return;
      if (isTypingTarget(event.target as HTMLElement | null)) return;
      const now = Date.now();
      const before = pending.current && now - pending.current.at < SEQUENCE_MS ? pending.current.key : null;
      const read = readKey(before, event.key);
      pending.current = read.pending ? { key: read.pending, at: now } : null;
      if (read.action) {
        event.preventDefault();
        act(read.action);
      }
    }
    window.addEventListener("keydown", onKeyDown);
    // The header hydrates in a Suspense boundary of its own, after or before the page: this says when
    // the shortcuts are listening (the end-to-end tests wait for it before pressing a key).
    button.current?.setAttribute("data-shortcuts", "on");
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [open, product, canCreate, router]);

  return (
    <>
      <button
        ref={button}
        type="button"
        onClick={() => setOpen("search")}
        aria-keyshortcuts="Control+K Meta+K /"
        className="flex h-8 shrink-0 items-center gap-2 rounded-md border border-line bg-white px-2.5 text-sm text-muted hover:bg-gray-50"
      >
        <svg aria-hidden viewBox="0 0 16 16" className="h-4 w-4">
          <circle cx="7" cy="7" r="4.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
          <path d="M10.5 10.5L14 14" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
        </svg>
        <span className="max-sm:sr-only">Search…</span>
        <kbd className="hidden rounded border border-line bg-canvas px-1.5 font-mono text-xs 2xl:inline">Ctrl K</kbd>
      </button>
      {open === "search" && <CommandPalette product={product} commands={commands} onClose={() => setOpen(null)} />}
      {open === "help" && <ShortcutHelp onClose={() => setOpen(null)} />}
    </>
  );
}
