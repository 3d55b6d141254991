"use client";

import { UserCreateForm } from "@/components/user-create-form";
import { UserTable } from "@/components/user-table";
import { Card } from "@/components/ui/card";
import { useUsers, type UserView } from "@/lib/users/client";

/** Admins add people, change roles and deactivate accounts. */
export function UserManager({ initialUsers, currentUserId }: { initialUsers: UserView[]; currentUserId: string }) {
  const users = useUsers(initialUsers);
  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <Card title="Add a person" className="min-w-0 self-start lg:col-span-1">
        <UserCreateForm />
      </Card>
      <Card
        title={`People (${users.data.length})`}
        className="min-w-0 lg:col-span-2"
        action={users.isFetching ? <span className="text-xs text-muted" aria-live="polite">Refreshing…</span> : null}
      >
        <UserTable users={users.data} currentUserId={currentUserId} loadError={users.isError ? users.error.message : null} onRetry={() => void users.refetch()} />
      </Card>
    </div>
  );
}
