"use client";

import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { CommandBar } from "@/components/command-bar";
import { RoleBadge } from "@/components/role-badge";
import { ThemeToggle } from "@/components/theme-toggle";
import { Button } from "@/components/ui/button";
import { can, type UserRole } from "@/lib/auth/schema";
import { useSignOut } from "@/lib/auth/client";

type Product = { slug: string; name: string };
export type HeaderUser = { id: string; email: string; name: string; role: UserRole };

/**
 * Navigation that keeps the chosen product in the URL, a switcher when there are several, and who
 * is signed in. Nobody signed in (sign-in and setup pages): the brand only.
 */
export function SiteHeader({ products, user }: { products: Product[]; user: HeaderUser | null }) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const signOut = useSignOut();
  const current = params.get("product") ?? products[0]?.slug ?? "";
  const withProduct = (href: string) => (params.get("product") ? `${href}?product=${encodeURIComponent(current)}` : href);

  const principal = user && ({ kind: "user", ...user } as const);
  const nav = [
    { href: "/", label: "Overview", keepProduct: true },
    { href: "/items", label: "Items", keepProduct: true },
    { href: "/me", label: "My work", keepProduct: true },
    { href: "/import", label: can(principal, "import_backlog") ? "Import & export" : "Export", keepProduct: true },
    { href: "/runs", label: "Runs", keepProduct: true },
    ...(can(principal, "upload_results") ? [{ href: "/upload", label: "Upload", keepProduct: true }] : []),
    { href: "/settings/tokens", match: "/settings", label: "Settings", keepProduct: false },
  ];

  return (
    <header className="border-b border-line bg-white print:hidden">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href={user ? withProduct("/") : "/"} className="flex items-center gap-2 font-semibold">
          <span aria-hidden className="inline-block h-5 w-5 rounded bg-brand-600" />
          Certboard
        </Link>
        {user && (
          <>
            <nav aria-label="Main" className="flex flex-wrap gap-4 text-sm">
              {nav.map((item) => {
                const prefix = item.match ?? item.href;
                const active = prefix === "/" ? pathname === "/" : pathname.startsWith(prefix);
                return (
                  <Link
                    key={item.href}
                    href={item.keepProduct ? withProduct(item.href) : item.href}
                    aria-current={active ? "page" : undefined}
                    className={`rounded px-1 py-0.5 hover:underline ${active ? "font-medium text-ink" : "text-gray-700"}`}
                  >
                    {item.label}
                  </Link>
                );
              })}
            </nav>
            <div className="ml-auto flex flex-wrap items-center gap-x-4 gap-y-2">
              <CommandBar
                product={current}
                canCreate={can(principal, "edit_items")}
                canUpload={can(principal, "upload_results")}
                canImport={can(principal, "import_backlog")}
              />
              {products.length > 1 && (
                <label className="flex items-center gap-2 text-sm text-muted">
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
              <p className="flex items-center gap-2 text-sm" data-testid="signed-in-user">
                <span className="sr-only">Signed in as</span>
                <span className="max-w-48 truncate font-medium" title={user.email}>{user.name || user.email}</span>
                <RoleBadge role={user.role} />
              </p>
              <ThemeToggle />
              <Button variant="secondary" size="sm" disabled={signOut.isPending || signOut.isSuccess} onClick={() => signOut.mutate()}>
                {signOut.isPending ? "Signing out…" : "Sign out"}
              </Button>
            </div>
          </>
        )}
        {!user && <ThemeToggle className="ml-auto" />}
      </div>
    </header>
  );
}
