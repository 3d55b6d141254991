import type { Metadata } from "next";
import { SettingsNav } from "@/components/settings-nav";
import { Alert } from "@/components/ui/alert";
import { WebhookManager } from "@/components/webhooks/webhook-manager";
import { can } from "@/lib/auth/schema";
import { requirePageUser } from "@/lib/auth/session";
import { listProductsFor } from "@/lib/products/data";
import { listWebhooks } from "@/lib/webhooks/data";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Webhooks" };

export default async function WebhooksPage() {
  const user = await requirePageUser("/settings/webhooks");
  const showUsers = can(user, "manage_users");
  if (!can(user, "manage_settings")) {
    return (
      <div className="space-y-6">
        <SettingsNav current="webhooks" showUsers={showUsers} />
        <Alert title="Only admins manage webhooks">Your role ({user.role}) cannot see or change webhooks. Ask an admin to connect Slack, Teams or your own service.</Alert>
      </div>
    );
  }
  const [webhooks, products] = await Promise.all([listWebhooks(), listProductsFor(user)]);
  return (
    <div className="space-y-6">
      <SettingsNav current="webhooks" showUsers={showUsers} />
      <p className="text-sm text-muted">
        Webhooks post Certboard&apos;s events to a URL as they happen: signed JSON for your own services, or messages for Slack and Microsoft Teams.
        Failed deliveries are retried for 24 hours.
      </p>
      <WebhookManager initialWebhooks={webhooks} products={products.map((p) => ({ slug: p.slug, name: p.name }))} />
    </div>
  );
}
