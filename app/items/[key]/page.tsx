import { isoDay } from "@/lib/calendar/days";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { ItemComments } from "@/components/item-comments";
import { ItemEditor } from "@/components/item-editor";
import { getItem, listPhases } from "@/lib/backlog/data";
import { listComponents } from "@/lib/components/data";
import { listAssignees } from "@/lib/users/data";
import { listComments } from "@/lib/comments/data";
import { getItemLinks } from "@/lib/item-links/data";
import { productQuerySchema } from "@/lib/backlog/schema";
import { itemsUrl } from "@/lib/backlog/urls";
import { isAppError } from "@/lib/errors";
import { pageProduct } from "@/lib/products/page";
import { mayOn, principalOn, productFor } from "@/lib/products/data";
import { requirePageUser } from "@/lib/auth/session";
import { pagePath } from "@/lib/auth/next-path";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ key: string }>; searchParams: Promise<Record<string, string | string[]>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { key } = await params;
  return { title: decodeURIComponent(key) };
}

export default async function ItemPage({ params, searchParams }: Props) {
  const { key } = await params;
  const query = await searchParams;
  const user = await requirePageUser(pagePath(`/items/${key}`, query));
  const product = await pageProduct(user, productQuerySchema.parse(query).product);
  const item = await getItem(decodeURIComponent(key), product).catch((error: unknown) => {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  });
  const [phases, people, components] = await Promise.all([listPhases(item.product), listAssignees(item.product), listComponents(item.product)]);
  const links = await getItemLinks(item, components);
  const comments = await listComments({ product: await productFor(user, item.product, "read"), key: item.key, principal: await principalOn(user, item.product) });

  return (
    <div className="space-y-4">
      <Breadcrumbs items={[{ label: "Items", href: itemsUrl({ product: item.product }) }, { label: `${item.key} · ${item.title}` }]} />
      <ItemEditor
        initial={item}
        phases={phases}
        people={people.map((p) => ({ value: p.id, label: p.id === user.id ? `${p.name || p.email} (me)` : p.name || p.email }))}
        components={components.map((c) => ({ value: c.slug, label: c.name }))}
        meId={user.id}
        today={isoDay(new Date())}
        canEdit={await mayOn(user, item.product, "edit_items")}
        links={links}
      />
      <ItemComments product={item.product} itemKey={item.key} initial={comments} canComment={await mayOn(user, item.product, "comment")} />
    </div>
  );
}
