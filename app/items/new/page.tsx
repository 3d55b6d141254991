import type { Metadata } from "next";
import Link from "next/link";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { ItemCreateForm } from "@/components/item-create-form";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { pagePath } from "@/lib/auth/next-path";
import { requirePageUser } from "@/lib/auth/session";
import { listPhases } from "@/lib/backlog/data";
import { itemsUrl } from "@/lib/backlog/urls";
import { listComponents } from "@/lib/components/data";
import { mayOn } from "@/lib/products/data";
import { pageProduct } from "@/lib/products/page";
import { listAssignees } from "@/lib/users/data";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "New item" };

const first = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);

export default async function NewItemPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const raw = await searchParams;
  const user = await requirePageUser(pagePath("/items/new", raw));
  const product = await pageProduct(user, first(raw.product));
  if (!product) {
    return (
      <EmptyState title="No product yet">
        <Link href="/import" className="text-blue-700 underline">Import a backlog document</Link> first; items belong to a product.
      </EmptyState>
    );
  }
  if (!(await mayOn(user, product, "edit_items"))) {
    return <EmptyState title="Viewers cannot create items">Ask an engineer or an admin to add it, or comment on an existing item.</EmptyState>;
  }
  const [phases, people, components] = await Promise.all([listPhases(product), listAssignees(product), listComponents(product)]);
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <Breadcrumbs items={[{ label: "Items", href: itemsUrl({ product }) }, { label: "New item" }]} />
      <h1 className="text-2xl font-semibold">New item</h1>
      <Card>
        <ItemCreateForm
          product={product}
          meId={user.id}
          phases={phases.map((p) => ({ value: p.key, label: p.name }))}
          people={people.map((p) => ({ value: p.id, label: p.name || p.email }))}
          components={components.map((c) => ({ value: c.slug, label: c.name }))}
          defaults={{ phase: first(raw.phase), status: first(raw.status), category: first(raw.category) }}
        />
      </Card>
    </div>
  );
}
