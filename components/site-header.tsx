"use client";

import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { CommandBar } from "@/components/command-bar";
import { HeaderMenu } from "@/components/header-menu";
import { NotificationBell } from "@/components/notification-bell";
import { RoleBadge } from "@/components/role-badge";
import { SiteNav } from "@/components/site-nav";
import { ThemeToggle } from "@/components/theme-toggle";
import { Button } from "@/components/ui/button";
import { can, type UserRole } from "@/lib/auth/schema";
import { useSignOut } from "@/lib/auth/client";

type Product = { slug: string; name: string };
export type HeaderUser = { id: string; email: string; name: string; role: UserRole };

function ProductSwitcher({ products, current }: { products: Product[]; current: string }) {
  const router = useRouter();
  const pathname = usePathname();
  return (
    <label className="flex min-w-0 items-center gap-2 text-sm text-muted">
      <span className="xl:sr-only">Product</span>
      <select
        value={current}
        onChange={(event) => router.push(`${pathname.startsWith("/items/") ? "/items" : pathname}?product=${encodeURIComponent(event.target.value)}`)}
        className="h-8 min-w-0 flex-1 rounded-md border border-line bg-white px-2 text-ink xl:w-40 xl:flex-none"
      >
        {products.map((p) => (
          <option key={p.slug} value={p.slug}>
            {p.name} ({p.slug})
          </option>
        ))}
      </select>
    </label>
  );
}

/** "Erin Engineer" → "EE": the wide header's account button, whose name and email the menu spells out. */
const initials = (user: HeaderUser) =>
  (user.name || user.email)
    .split(/\s+/)
    .slice(0, 2)
    .map((word) => word.charAt(0).toUpperCase())
    .join("");

function Account({ user }: { user: HeaderUser }) {
  const signOut = useSignOut();
  return (
    <div className="flex items-center justify-between gap-3 border-t border-line pt-4 xl:border-0 xl:pt-0">
      <p className="min-w-0 text-sm" data-testid="signed-in-user">
        <span className="sr-only">Signed in as </span>
        <span className="block truncate font-medium">{user.name || user.email}</span>
        <span className="block truncate text-xs text-muted">{user.email}</span>
        <RoleBadge role={user.role} />
        <Link href="/settings/notifications" className="mt-1 block text-xs text-brand-700 underline-offset-2 hover:underline">
          Notification settings
        </Link>
      </p>
      <Button variant="secondary" size="sm" disabled={signOut.isPending || signOut.isSuccess} onClick={() => signOut.mutate()}>
        {signOut.isPending ? "Signing out…" : "Sign out"}
      </Button>
    </div>
  );
}

/**
 * Navigation that keeps the chosen product in the URL, a switcher when there are several, and who is
 * signed in. From 1280 px the links are one row; below, a compact row (brand, search, Menu) whose menu
 * holds the links, the switcher and the account. Nobody signed in (sign-in and setup): the brand only.
 */
export function SiteHeader({ products, user }: { products: Product[]; user: HeaderUser | null }) {
  const params = useSearchParams();
  const current = params.get("product") ?? products[0]?.slug ?? "";
  const withProduct = (href: string) => (params.get("product") ? `${href}?product=${encodeURIComponent(current)}` : href);
  const principal = user && ({ kind: "user", ...user } as const);
  const switcher = products.length > 1 && <ProductSwitcher products={products} current={current} />;

  return (
    <header className="border-b border-line bg-white print:hidden">
      <div className="relative mx-auto flex h-14 max-w-7xl items-center gap-x-5 px-4">
        <Link href={user ? withProduct("/") : "/"} className="flex shrink-0 items-center gap-2 font-semibold">
          <span aria-hidden className="inline-block h-5 w-5 rounded bg-brand-600" />
          Certboard
        </Link>
        {user && (
          <>
            <div className="hidden xl:block">
              <SiteNav principal={principal} withProduct={withProduct} layout="row" />
            </div>
            {/* The small controls of both layouts (search, then any toggle) sit together on the right. */}
            <div className="ml-auto flex min-w-0 items-center gap-2">
              <CommandBar
                product={current}
                canCreate={can(principal, "edit_items")}
                canUpload={can(principal, "upload_results")}
                canImport={can(principal, "import_backlog")}
              />
              <NotificationBell />
              <ThemeToggle />
              {switcher && <div className="hidden min-w-0 xl:block">{switcher}</div>}
              <HeaderMenu
                label={
                  <>
                    <span className="xl:hidden">Menu</span>
                    <span className="hidden xl:contents">
                      <span aria-hidden className="grid h-6 w-6 place-items-center rounded-full bg-gray-200 text-xs text-ink">{initials(user)}</span>
                      <span className="sr-only">Account: {user.name || user.email}</span>
                    </span>
                  </>
                }
              >
                <div className="xl:hidden">
                  <SiteNav principal={principal} withProduct={withProduct} layout="list" />
                </div>
                {switcher && <div className="xl:hidden">{switcher}</div>}
                <Account user={user} />
              </HeaderMenu>
            </div>
          </>
        )}
        {!user && <ThemeToggle className="ml-auto" />}
      </div>
    </header>
  );
}
