"use client";

import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";

const NAV = [
  { href: "/", label: "Overview" },
  { href: "/items", label: "Items" },
  { href: "/import", label: "Import & export" },
];

type Product = { slug: string; name: string };

/** Navigation that keeps the chosen product in the URL, and a switcher when there are several. */
export function SiteHeader({ products }: { products: Product[] }) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const current = params.get("product") ?? products[0]?.slug ?? "";
  const withProduct = (href: string) => (params.get("product") ? `${href}?product=${encodeURIComponent(current)}` : href);

  return (
    <header className="border-b border-line bg-white">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href={withProduct("/")} className="flex items-center gap-2 font-semibold">
          <span aria-hidden className="inline-block h-5 w-5 rounded bg-brand-600" />
          Certboard
        </Link>
        <nav aria-label="Main" className="flex gap-4 text-sm">
          {NAV.map((item) => {
            const active = item.href === "/" ? pathname === "/" : pathname.startsWith(item.href);
            return (
              <Link
                key={item.href}
                href={withProduct(item.href)}
                aria-current={active ? "page" : undefined}
                className={`rounded px-1 py-0.5 hover:underline ${active ? "font-medium text-ink" : "text-gray-700"}`}
              >
                {item.label}
              </Link>
            );
          })}
        </nav>
        {products.length > 1 && (
          <label className="ml-auto flex items-center gap-2 text-sm text-muted">
            Product
            <select
              value={current}
              onChange={(event) => router.push(`${pathname.startsWith("/items/") ? "/items" : pathname}?product=${encodeURIComponent(event.target.value)}`)}
              className="max-w-64 rounded-md border border-line bg-white px-2 py-1 text-ink"
            >
              {products.map((p) => (
                <option key={p.slug} value={p.slug}>
                  {p.name} ({p.slug})
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
    </header>
  );
}
