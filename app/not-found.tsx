import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { getPageUser } from "@/lib/auth/session";
import { describeMissing, URL_HEADER } from "@/lib/navigation/not-found";
import { findProductFor } from "@/lib/products/data";

export const metadata: Metadata = { title: "Not found" };

// One not-found page for every segment: proxy.ts passes the requested address on, so it can name
// the missing record. The product lookups happen here only, never on pages that render.
export default async function NotFound() {
  const missing = describeMissing((await headers()).get(URL_HEADER) ?? "/");
  const user = await getPageUser();
  // Runs are found by id across products; items, components and phases live in one product.
  const scoped = missing.what !== null && !missing.what.startsWith("preflight run");
  const product = user && (missing.product || scoped) ? await findProductFor(user, missing.product ?? undefined) : null;
  const message =
    missing.product && !product
      ? `No product “${missing.product}”.`
      : missing.what
        ? `No ${missing.what}${scoped && product ? ` in ${product.name}` : ""}.`
        : `Nothing at ${missing.path}.`;
  return (
    <div className="rounded-lg border border-line bg-white p-6">
      <h1 className="text-lg font-semibold">Not found</h1>
      <p className="mt-2 font-medium" data-testid="not-found-message">{message}</p>
      <p className="mt-1 text-sm text-muted">It may have been renamed or deleted, or the link is incomplete.</p>
      <ul className="mt-4 flex flex-wrap gap-x-4 gap-y-2 text-sm">
        {missing.links.map((link) => (
          <li key={link.href}>
            <Link href={link.href} className="text-blue-700 underline">{link.label}</Link>
          </li>
        ))}
      </ul>
      {user && (
        <p className="mt-4 text-sm text-muted">
          Looking for something else? Press <kbd className="rounded border border-line px-1 font-mono text-xs">/</kbd> or{" "}
          <kbd className="rounded border border-line px-1 font-mono text-xs">Ctrl K</kbd> to search.
        </p>
      )}
    </div>
  );
}
