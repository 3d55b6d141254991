import "server-only";
import { getDb } from "@/lib/db";

export type UserView = { id: string; email: string; name: string; role: string; active: boolean; createdAt: string };

export async function listUsers(): Promise<UserView[]> {
  const rows = await getDb().user.findMany({ orderBy: [{ active: "desc" }, { email: "asc" }] });
  return rows.map((u) => ({ id: u.id, email: u.email, name: u.name, role: u.role, active: u.active, createdAt: u.createdAt.toISOString() }));
}

export async function findActiveUserId(email: string): Promise<string | null> {
  const user = await getDb().user.findUnique({ where: { email: email.trim().toLowerCase() }, select: { id: true, active: true } });
  return user?.active ? user.id : null;
}
