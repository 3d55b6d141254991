import type { ReactNode } from "react";
import { EmptyState } from "@/components/ui/empty-state";

/** One "My work" section: a heading with its count, the rows, or what to expect when there are none. */
export function MyWorkSection({
  id,
  title,
  total,
  shown,
  tone = "gray",
  empty,
  action,
  children,
}: {
  id: string;
  title: string;
  total: number;
  shown: number;
  tone?: "gray" | "red";
  empty: { title: string; hint?: ReactNode };
  action?: ReactNode;
  children: ReactNode;
}) {
  const countClass = tone === "red" && total > 0 ? "bg-red-50 text-red-800 ring-red-600/20" : "bg-gray-50 text-gray-700 ring-gray-500/20";
  return (
    <section id={id} aria-labelledby={`${id}-title`} className="min-w-0 scroll-mt-4 rounded-lg border border-line bg-white p-4 shadow-sm">
      <header className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <h2 id={`${id}-title`} className="flex items-center gap-2 text-base font-semibold">
          {title}
          <span className={`rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${countClass}`}>
            <span className="sr-only">(</span>
            {total}
            <span className="sr-only">)</span>
          </span>
        </h2>
        {total > 0 && action}
      </header>
      {total === 0 ? (
        <EmptyState title={empty.title}>{empty.hint}</EmptyState>
      ) : (
        <>
          {children}
          {shown < total && (
            <p className="mt-2 text-xs text-muted">
              Showing the first {shown} of {total}.
            </p>
          )}
        </>
      )}
    </section>
  );
}
