"use client";

// A client component for its size, not for interaction: its props travel in the page's RSC
// payload instead of the rendered tree, which is several times larger.

import Link from "next/link";
import { itemUrl } from "@/lib/backlog/urls";
import { formatAge } from "@/lib/overview/relative-time";
import type { OverviewBlocker } from "@/lib/overview/schema";
import { componentUrl } from "@/lib/overview/urls";

/**
 * The open critical blockers as work to pick up: key and title (to the item), who owns it, how long
 * it has been open, and the components it holds back. `more` links to the full list when the
 * overview shows only the first few.
 */
export function BlockerList({ blockers, product, now, allHref, more }: { blockers: OverviewBlocker[]; product: string; now: string; allHref: string; more: boolean }) {
  const at = new Date(now);
  return (
    <section aria-labelledby="blockers-heading" data-testid="blockers" className="flex h-full flex-col rounded-lg border border-line bg-white p-4 shadow-sm print:shadow-none">
      <header className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="blockers-heading" className="text-base font-semibold">
          Open critical blockers
        </h2>
        <Link href={allHref} className="text-sm text-blue-700 hover:underline print:hidden">
          All critical blockers
        </Link>
      </header>
      {blockers.length === 0 ? (
        <p className="flex items-center gap-2 py-4 text-sm text-green-800" data-testid="blockers-empty">
          <span aria-hidden="true" className="inline-block h-2 w-2 rounded-full bg-green-600" />
          No open critical blockers. Nothing stands in the way of certification from the backlog.
        </p>
      ) : (
        <ul className="divide-y divide-line" aria-labelledby="blockers-heading">
          {blockers.map((b) => (
            <li key={b.key} data-testid="blocker-row" data-key={b.key} className="py-2 text-sm break-inside-avoid">
              <Link href={itemUrl(b.key, product)} className="group flex min-w-0 items-baseline gap-2">
                <span className="shrink-0 font-mono text-xs font-semibold text-red-800" data-testid="blocker-key">
                  {b.key}
                </span>
                <span className="min-w-0 text-ink group-hover:underline" data-testid="blocker-title">
                  {b.title}
                </span>
              </Link>
              <p className="mt-0.5 flex flex-wrap gap-x-4 text-xs text-muted">
                <span>
                  <span data-testid="blocker-owner" className={b.owner ? "text-gray-700" : undefined}>
                    {b.owner ?? "Unassigned"}
                  </span>
                  <span aria-hidden="true"> · </span>
                  <time dateTime={b.createdAt} data-testid="blocker-age">
                    opened {formatAge(b.createdAt, at)}
                  </time>
                </span>
                {/* One unit, label first: when it wraps, it starts the next line with its label. */}
                <span data-testid="blocker-components" className="flex flex-wrap gap-x-2">
                  <span>{b.components.length === 1 ? "Component:" : "Components:"}</span>
                  {b.components.length === 0
                    ? "none named"
                    : b.components.map((c) => (
                        <Link key={c.slug} href={componentUrl(c.slug, product)} className="text-blue-700 hover:underline">
                          {c.name}
                        </Link>
                      ))}
                </span>
              </p>
            </li>
          ))}
        </ul>
      )}
      {more && (
        <p className="mt-auto pt-2 text-sm">
          <Link href={allHref} className="text-blue-700 hover:underline">
            See the rest in the item list
          </Link>
        </p>
      )}
    </section>
  );
}
