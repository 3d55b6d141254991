"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { can, type Principal } from "@/lib/auth/schema";

type NavEntry = { href: string; label: string; keepProduct: boolean; match?: string };

function navEntries(principal: Principal | null): NavEntry[] {
  return [
    { href: "/", label: "Overview", keepProduct: true },
    { href: "/items", label: "Items", keepProduct: true },
    { href: "/phases", label: "Phases", keepProduct: true },
    { href: "/components", label: "Components", keepProduct: true },
    { href: "/me", label: "My work", keepProduct: true },
    { href: "/runs", label: "Runs", keepProduct: true },
    ...(can(principal, "upload_results") ? [{ href: "/upload", label: "Upload", keepProduct: true }] : []),
    { href: "/import", label: can(principal, "import_backlog") ? "Import & export" : "Export", keepProduct: true },
    { href: "/settings/tokens", match: "/settings", label: "Settings", keepProduct: false },
  ];
}

/**
 * The main navigation: a row of links in the wide header, a list in the compact header's menu.
 * `withProduct` keeps the chosen product in every link that reads one.
 */
export function SiteNav({ principal, withProduct, layout }: { principal: Principal | null; withProduct: (href: string) => string; layout: "row" | "list" }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className={layout === "row" ? "flex items-center text-sm whitespace-nowrap" : "text-sm"}>
      <ul className={layout === "row" ? "flex items-center gap-x-1" : "grid grid-cols-2 gap-1"}>
        {navEntries(principal).map((item) => {
          const prefix = item.match ?? item.href;
          const active = prefix === "/" ? pathname === "/" : pathname.startsWith(prefix);
          return (
            <li key={item.href}>
              <Link
                href={item.keepProduct ? withProduct(item.href) : item.href}
                aria-current={active ? "page" : undefined}
                className={`block rounded px-1.5 py-0.5 hover:underline ${layout === "list" ? "py-2" : ""} ${active ? "font-medium text-ink" : "text-gray-700"}`}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
