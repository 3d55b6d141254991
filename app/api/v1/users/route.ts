import { NextResponse } from "next/server";
import { createUserSchema } from "@/lib/auth/schema";
import { readJson, route } from "@/lib/http";
import { listUsers } from "@/lib/users/data";
import { createUser } from "@/lib/users/mutations";

export const GET = route("manage_users", async () => NextResponse.json({ users: await listUsers() }));

export const POST = route("manage_users", async (req) => {
  const user = await createUser(await readJson(req, createUserSchema));
  return NextResponse.json({ user }, { status: 201 });
});
