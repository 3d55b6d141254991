import Link from "next/link";
import { CATEGORY_LABELS, CATEGORIES, type Category } from "@/lib/backlog/schema";

type Counts = Record<Category, { total: number; open: number; done: number }>;

const ACCENT: Record<Category, string> = {
  critical_blocker: "border-t-red-600",
  needs_verification: "border-t-amber-500",
  not_required: "border-t-gray-400",
  compliant: "border-t-green-600",
};

/** The executive summary, computed from the items (the document's own table was hand-typed). */
export function SummaryCards({ categories, hrefFor }: { categories: Counts; hrefFor: (category: Category) => string }) {
  return (
    <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
      {CATEGORIES.map((category) => {
        const c = categories[category];
        return (
          <Link
            key={category}
            href={hrefFor(category)}
            data-testid={`summary-${category}`}
            className={`rounded-lg border border-t-4 border-line bg-white p-4 shadow-sm hover:shadow ${ACCENT[category]}`}
          >
            <p className="text-sm text-muted">{CATEGORY_LABELS[category]}</p>
            <p className="mt-1 text-3xl font-semibold" data-testid={`summary-${category}-total`}>
              {c.total}
            </p>
            <p className="mt-1 text-sm text-gray-700">
              <span data-testid={`summary-${category}-open`}>{c.open}</span> open · {c.done} closed
            </p>
          </Link>
        );
      })}
    </div>
  );
}
