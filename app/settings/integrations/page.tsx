import type { Metadata } from "next";
import { PyxisConnectionCard } from "@/components/integrations/pyxis-connection-card";
import { SettingsNav } from "@/components/settings-nav";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { pagePath } from "@/lib/auth/next-path";
import { can } from "@/lib/auth/schema";
import { requirePageUser } from "@/lib/auth/session";
import { productQuerySchema } from "@/lib/backlog/schema";
import { getProduct } from "@/lib/products/data";
import { pageProduct } from "@/lib/products/page";
import { getConnectionView, listSyncs, listSyncTargets } from "@/lib/pyxis/data";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Integrations" };

type Props = { searchParams: Promise<Record<string, string | string[]>> };

/** The current product's connection to Red Hat's catalog (the header's product switcher picks another). */
export default async function IntegrationsPage({ searchParams }: Props) {
  const query = await searchParams;
  const user = await requirePageUser(pagePath("/settings/integrations", query));
  const showUsers = can(user, "manage_users");
  if (!can(user, "manage_settings")) {
    return (
      <div className="space-y-6">
        <SettingsNav current="integrations" showUsers={showUsers} />
        <Alert title="Only admins manage integrations">Your role ({user.role}) cannot see or change the connection to Red Hat&apos;s catalog. Ask an admin.</Alert>
      </div>
    );
  }
  const slug = await pageProduct(user, productQuerySchema.parse(query).product);
  const product = slug ? await getProduct(slug) : null;
  const [view, syncs, targets] = product ? await Promise.all([getConnectionView(product.slug), listSyncs(product.slug), listSyncTargets(product.id)]) : [null, [], []];
  return (
    <div className="space-y-6">
      <SettingsNav current="integrations" showUsers={showUsers} />
      <div className="max-w-3xl space-y-1 text-sm text-muted">
        <p>
          <span className="font-medium text-ink">Red Hat&apos;s catalog (Pyxis)</span> is the source of truth for each component&apos;s certification status,
          host access, images, health grades and submitted results. Certboard reads it on a schedule for every component with a Partner Connect project id;
          Red Hat&apos;s values win, and a value a person set that differs is shown as a conflict on the component.
        </p>
        <p>
          Disconnected site? Run <code className="font-mono">certboard pyxis-export</code> on a connected machine and <code className="font-mono">certboard sync --from FILE</code> here.
        </p>
      </div>
      {product && view ? (
        <PyxisConnectionCard product={{ slug: product.slug, name: product.name }} initial={view} initialSyncs={syncs} targets={targets.length} />
      ) : (
        <EmptyState title="No products yet">Import a backlog first; then connect its product here.</EmptyState>
      )}
    </div>
  );
}
