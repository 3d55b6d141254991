import Link from "next/link";

export type Crumb = { label: string; href?: string };

/**
 * Where a page sits below the top level: each ancestor a link, the page itself last (aria-current),
 * named as a person reads it ("T-12 · title", a component's name), never by an internal code.
 */
export function Breadcrumbs({ items }: { items: Crumb[] }) {
  return (
    <nav aria-label="Breadcrumb" className="text-sm">
      <ol className="flex flex-wrap items-center gap-x-1.5 gap-y-1 text-muted">
        {items.map((crumb, index) => {
          const last = index === items.length - 1;
          return (
            <li key={`${index}-${crumb.label}`} className="flex min-w-0 items-center gap-x-1.5">
              {last ? (
                <span aria-current="page" className="break-words text-ink">{crumb.label}</span>
              ) : crumb.href ? (
                <Link href={crumb.href} className="text-blue-700 hover:underline">{crumb.label}</Link>
              ) : (
                <span>{crumb.label}</span>
              )}
              {!last && <span aria-hidden="true">/</span>}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
