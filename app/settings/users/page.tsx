import type { Metadata } from "next";
import { SettingsNav } from "@/components/settings-nav";
import { UserManager } from "@/components/user-manager";
import { Alert } from "@/components/ui/alert";
import { can } from "@/lib/auth/schema";
import { requirePageUser } from "@/lib/auth/session";
import { listUsers } from "@/lib/users/data";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const user = await requirePageUser("/settings/users");
  if (!can(user, "manage_users")) {
    return (
      <div className="space-y-6">
        <SettingsNav current="users" showUsers={false} />
        <Alert title="Only admins manage users">Your role ({user.role}) cannot see or change accounts. Ask an admin to add people or change roles.</Alert>
      </div>
    );
  }
  const users = await listUsers();
  return (
    <div className="space-y-6">
      <SettingsNav current="users" showUsers />
      <UserManager initialUsers={users} currentUserId={user.id} />
    </div>
  );
}
