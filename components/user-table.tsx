"use client";

import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DateText } from "@/components/ui/date-text";
import { EmptyState } from "@/components/ui/empty-state";
import { ROLE_LABELS, USER_ROLES, type UserRole } from "@/lib/auth/schema";
import { useUpdateUser, type UserChanges, type UserView } from "@/lib/users/client";

type Props = { users: UserView[]; currentUserId: string; loadError: string | null; onRetry: () => void };

export function UserTable({ users, currentUserId, loadError, onRetry }: Props) {
  const update = useUpdateUser();
  const failedFor = update.isError ? users.find((u) => u.id === update.variables?.id) : undefined;

  function change(user: UserView, changes: UserChanges, question: string | null) {
    if (question && !window.confirm(question)) return;
    update.mutate(
      { id: user.id, ...changes },
      // Your own role or access changed: reload so every page reflects what you may do now.
      { onSuccess: () => (user.id === currentUserId ? window.location.reload() : undefined) },
    );
  }

  function changeRole(user: UserView, role: UserRole) {
    const self = user.id === currentUserId && role !== "admin";
    change(user, { role }, self ? "You are removing your own admin role and will no longer manage users. Continue?" : null);
  }

  function toggleActive(user: UserView) {
    const self = user.id === currentUserId;
    const question = user.active
      ? `Deactivate ${user.name} (${user.email})? They are signed out at once and their API tokens are revoked.${self ? " This is you: you will be signed out." : ""}`
      : `Reactivate ${user.name} (${user.email})? They can sign in again; revoked tokens stay revoked.`;
    change(user, { active: !user.active }, question);
  }

  return (
    <div className="space-y-3">
      {loadError && (
        <Alert title="The list of people could not be refreshed">
          {loadError}{" "}
          <button type="button" onClick={onRetry} className="font-medium underline">Try again</button>
        </Alert>
      )}
      {update.error && (
        <Alert title={failedFor ? `${failedFor.name} was not changed` : "The change was not saved"}>{update.error.message}</Alert>
      )}
      {users.length === 0 ? (
        <EmptyState title="Nobody here yet" />
      ) : (
        <div className="relative overflow-x-auto rounded-lg border border-line">
          <table className="stack-table w-full text-left text-sm" data-testid="user-table">
            <caption className="sr-only">People with a Certboard account</caption>
            <thead className="bg-gray-50 text-xs uppercase text-muted">
              <tr>
                <th scope="col" className="px-3 py-2">Name</th>
                <th scope="col" className="px-3 py-2">Email</th>
                <th scope="col" className="px-3 py-2">Role</th>
                <th scope="col" className="px-3 py-2">State</th>
                <th scope="col" className="px-3 py-2">Added</th>
                <th scope="col" className="px-3 py-2"><span className="sr-only">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              {users.map((user) => {
                const busy = update.isPending && update.variables?.id === user.id;
                return (
                  <tr key={user.id} className={`border-t border-line align-middle ${user.active ? "" : "bg-gray-50 text-muted"}`} data-testid={`user-row-${user.email}`}>
                    <td className="px-3 py-2 font-medium">
                      {user.name} {user.id === currentUserId && <Badge tone="blue">you</Badge>}
                    </td>
                    <td className="px-3 py-2" data-label="Email">{user.email}</td>
                    <td className="px-3 py-2" data-label="Role">
                      <select
                        aria-label={`Role of ${user.name}`}
                        value={user.role}
                        disabled={busy}
                        onChange={(event) => changeRole(user, event.target.value as UserRole)}
                        className="rounded-md border border-line bg-white px-2 py-1 text-sm text-ink disabled:opacity-60"
                      >
                        {USER_ROLES.map((role) => (
                          <option key={role} value={role}>{ROLE_LABELS[role]}</option>
                        ))}
                      </select>
                    </td>
                    <td className="px-3 py-2" data-label="State">{user.active ? <Badge tone="green">Active</Badge> : <Badge tone="gray">Deactivated</Badge>}</td>
                    <td className="px-3 py-2 text-xs" data-label="Added"><DateText iso={user.createdAt} /></td>
                    <td className="px-3 py-2 text-right">
                      <Button variant={user.active ? "danger" : "secondary"} size="sm" disabled={busy} onClick={() => toggleActive(user)}>
                        {busy ? "Saving…" : user.active ? "Deactivate" : "Reactivate"}
                        <span className="sr-only"> {user.name}</span>
                      </Button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
