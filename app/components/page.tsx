import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ComponentIndex } from "@/components/component-index";
import { EmptyState } from "@/components/ui/empty-state";
import { pagePath } from "@/lib/auth/next-path";
import { requirePageUser } from "@/lib/auth/session";
import { productQuerySchema } from "@/lib/backlog/schema";
import { listComponentIndex } from "@/lib/component-board/data";
import { isAppError } from "@/lib/errors";
import { pageProduct } from "@/lib/products/page";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Components" };

export default async function ComponentsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const query = await searchParams;
  const user = await requirePageUser(pagePath("/components", query));
  const product = await pageProduct(user, productQuerySchema.parse(query).product);
  const index = product
    ? await listComponentIndex(product).catch((error: unknown) => {
        if (isAppError(error) && error.code === "not_found") notFound();
        throw error;
      })
    : null;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold">Components</h1>
        {index && <p className="text-sm text-muted">{index.rows.length} {index.rows.length === 1 ? "component" : "components"}</p>}
      </div>
      {!index ? (
        <EmptyState title="No product yet">
          <Link href="/import" className="text-blue-700 underline">Import a backlog document</Link> first; components belong to a product.
        </EmptyState>
      ) : index.rows.length === 0 ? (
        <EmptyState title="No components yet">
          They are created from the image references in an imported backlog, or when preflight results are{" "}
          <Link href={`/upload?product=${encodeURIComponent(index.product)}`} className="text-blue-700 underline">uploaded</Link>.
        </EmptyState>
      ) : (
        <ComponentIndex rows={index.rows} product={index.product} />
      )}
    </div>
  );
}
