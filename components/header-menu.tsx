"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useEffect, useId, useRef, useState, type MouseEvent, type ReactNode } from "react";

/**
 * A disclosure button and the panel it shows under the header. Escape or a click elsewhere closes it
 * and Escape gives the focus back to the button; it closes on navigation because it stays open only
 * for the address it was opened at.
 */
export function HeaderMenu({
  label,
  children,
  ariaLabel,
  icon = false,
  panelClassName = "xl:left-auto xl:right-4 xl:w-80",
}: {
  label: ReactNode;
  children: ReactNode;
  /** The button's accessible name when `label` is an icon. */
  ariaLabel?: string;
  /** A square icon button without the chevron (the bell). */
  icon?: boolean;
  /** Where the panel sits on wide screens. */
  panelClassName?: string;
}) {
  const pathname = usePathname();
  const params = useSearchParams();
  const here = `${pathname}?${params.toString()}`;
  const [openAt, setOpenAt] = useState<string | null>(null);
  const open = openAt === here;
  const button = useRef<HTMLButtonElement>(null);
  const root = useRef<HTMLDivElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!open) return;
    function onKeyDown(event: KeyboardEvent) {
      if (event.key !== "Escape") return;
      setOpenAt(null);
      button.current?.focus();
    }
    function onPointerDown(event: PointerEvent) {
      if (!root.current?.contains(event.target as Node)) setOpenAt(null);
    }
    document.addEventListener("keydown", onKeyDown);
    document.addEventListener("pointerdown", onPointerDown);
    return () => {
      document.removeEventListener("keydown", onKeyDown);
      document.removeEventListener("pointerdown", onPointerDown);
    };
  }, [open]);

  // A link to the page already shown changes no address: close on the click itself.
  const closeOnLink = (event: MouseEvent) => {
    if ((event.target as HTMLElement).closest("a")) setOpenAt(null);
  };

  return (
    <div ref={root}>
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={ariaLabel}
        onClick={() => setOpenAt(open ? null : here)}
        className={
          icon
            ? "relative inline-flex items-center rounded-md border border-line bg-white p-1.5 text-gray-700 hover:bg-gray-50 hover:text-ink"
            : "flex h-8 max-w-56 items-center gap-1.5 rounded-md border border-line bg-white px-2.5 text-sm font-medium hover:bg-gray-50"
        }
      >
        {label}
        {!icon && (
          <svg aria-hidden viewBox="0 0 12 12" className={`h-3 w-3 shrink-0 transition-transform ${open ? "rotate-180" : ""}`}>
            <path d="M2 4l4 4 4-4" fill="none" stroke="currentColor" strokeWidth="1.5" />
          </svg>
        )}
      </button>
      <div
        id={panelId}
        hidden={!open}
        onClick={closeOnLink}
        className={`absolute inset-x-0 top-full z-40 space-y-4 border-b border-line bg-white p-4 shadow-lg xl:rounded-b-lg xl:border-x ${panelClassName}`}
      >
        {open && children}
      </div>
    </div>
  );
}
