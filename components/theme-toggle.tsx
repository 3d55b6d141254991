"use client";

import { setTheme, useTheme } from "@/lib/theme/client";
import { nextTheme, THEME_LABELS, type Theme } from "@/lib/theme/schema";

const ICONS: Record<Theme, string> = {
  // A monitor, a sun and a moon (24-unit outlines).
  system: "M3 5h18v11H3zM8 20h8M12 16v4",
  light: "M12 8a4 4 0 1 0 0 8 4 4 0 0 0 0-8zM12 2v2M12 20v2M4.9 4.9l1.4 1.4M17.7 17.7l1.4 1.4M2 12h2M20 12h2M4.9 19.1l1.4-1.4M17.7 6.3l1.4-1.4",
  dark: "M20 14.5A8 8 0 0 1 9.5 4a8 8 0 1 0 10.5 10.5z",
};

/** One icon button cycling System → Light → Dark; its name says the current choice, its tooltip the next. */
export function ThemeToggle({ className = "" }: { className?: string }) {
  const theme = useTheme();
  const next = nextTheme(theme);
  return (
    <button
      type="button"
      data-testid="theme-toggle"
      aria-label={`Theme: ${THEME_LABELS[theme]}`}
      title={`Theme: ${THEME_LABELS[theme]} (switch to ${THEME_LABELS[next]})`}
      onClick={() => setTheme(next)}
      className={`inline-flex items-center rounded-md border border-line bg-white p-1.5 text-gray-700 hover:bg-gray-50 hover:text-ink ${className}`}
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
        <path d={ICONS[theme]} />
      </svg>
    </button>
  );
}
