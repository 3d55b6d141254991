import type { Metadata } from "next";
import { cookies } from "next/headers";
import { Suspense, type ReactNode } from "react";
import { Providers } from "@/components/providers";
import { SiteHeader } from "@/components/site-header";
import { getPageUser } from "@/lib/auth/session";
import { listProductsFor } from "@/lib/products/data";
import { parseTheme, THEME_COOKIE, themeClass } from "@/lib/theme/schema";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Certboard", template: "%s · Certboard" },
  description: "Red Hat certification backlog, components and preflight results in one place.",
};

export const dynamic = "force-dynamic";

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The header still renders when the database is down; the page below shows the error.
  // Never redirects: the sign-in and setup pages share this layout. Signed out, the header shows no nav.
  const user = await getPageUser();
  const products = user ? await listProductsFor(user).catch(() => []) : [];
  // The chosen colour scheme is on the html element from the first byte, so a dark page never flashes light.
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  return (
    <html lang="en" className={themeClass(theme)}>
      <body className="min-h-screen font-sans">
        <Providers theme={theme}>
          <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:p-2">
            Skip to content
          </a>
          <Suspense>
            <SiteHeader products={products} user={user && { id: user.id, email: user.email, name: user.name, role: user.role }} />
          </Suspense>
          <main id="main" className="mx-auto max-w-7xl px-4 py-6">
            {children}
          </main>
        </Providers>
      </body>
    </html>
  );
}
