import type { Metadata } from "next";
import { NotificationPreferencesForm } from "@/components/notification-preferences-form";
import { SettingsNav } from "@/components/settings-nav";
import { Alert } from "@/components/ui/alert";
import { can } from "@/lib/auth/schema";
import { requirePageUser } from "@/lib/auth/session";
import { getPreferences } from "@/lib/preferences/data";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationsSettingsPage() {
  const user = await requirePageUser("/settings/notifications");
  const { email, ...prefs } = await getPreferences(user.id);
  return (
    <div className="space-y-6">
      <SettingsNav current="notifications" showUsers={can(user, "manage_users")} />
      {email.enabled ? (
        <p className="text-sm text-muted">Choose what Certboard emails you about, at {user.email}. In-app notifications arrive either way.</p>
      ) : (
        <Alert tone="warning" title="Email is off on this server">
          No mail server is configured (SMTP_URL), so Certboard sends no email. In-app notifications still arrive; the choices below apply once an admin sets up email.
        </Alert>
      )}
      <NotificationPreferencesForm initial={prefs} />
    </div>
  );
}
