import Link from "next/link";
import { Breadcrumbs } from "@/components/breadcrumbs";

const TABS = [
  { key: "notifications", href: "/settings/notifications", label: "Notifications", adminOnly: false },
  { key: "tokens", href: "/settings/tokens", label: "API tokens", adminOnly: false },
  { key: "users", href: "/settings/users", label: "Users", adminOnly: true },
  { key: "webhooks", href: "/settings/webhooks", label: "Webhooks", adminOnly: true },
  { key: "integrations", href: "/settings/integrations", label: "Integrations", adminOnly: true },
] as const;

/** Tabs of the settings area; the admin tabs (Users, Webhooks, Integrations) only for admins. */
export function SettingsNav({ current, showUsers }: { current: (typeof TABS)[number]["key"]; showUsers: boolean }) {
  return (
    <div className="space-y-3">
      <Breadcrumbs items={[{ label: "Settings", href: "/settings" }, { label: TABS.find((tab) => tab.key === current)!.label }]} />
      <h1 className="text-2xl font-semibold">Settings</h1>
      <nav aria-label="Settings" className="flex flex-wrap gap-x-1 border-b border-line text-sm">
        {TABS.filter((tab) => showUsers || !tab.adminOnly).map((tab) => (
          <Link
            key={tab.key}
            href={tab.href}
            aria-current={tab.key === current ? "page" : undefined}
            className={`-mb-px border-b-2 px-3 py-2 ${tab.key === current ? "border-brand-600 font-medium text-ink" : "border-transparent text-gray-700 hover:text-ink"}`}
          >
            {tab.label}
          </Link>
        ))}
      </nav>
    </div>
  );
}
