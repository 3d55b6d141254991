import { NextResponse } from "next/server";
import { z } from "zod";
import { updateUserSchema } from "@/lib/auth/schema";
import { readJson, route } from "@/lib/http";
import { updateUser } from "@/lib/users/mutations";

const idSchema = z.uuid("Unknown user id");

export const PATCH = route<{ id: string }>("manage_users", async (req, { params }, principal) => {
  const id = idSchema.parse((await params).id);
  const changes = await readJson(req, updateUserSchema);
  const user = await updateUser({ id, ...changes, byUserId: principal.id });
  return NextResponse.json({ user });
});
