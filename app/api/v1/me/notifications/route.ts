import { NextResponse } from "next/server";
import { userIdOf, type Principal } from "@/lib/auth/schema";
import { AppError } from "@/lib/errors";
import { readJson, route } from "@/lib/http";
import { getPreferences } from "@/lib/preferences/data";
import { setPreferences } from "@/lib/preferences/mutations";
import { preferencesUpdateSchema } from "@/lib/preferences/schema";

/** The person the choices belong to: the signed-in user, or the owner of the token. */
function personOf(principal: Principal): string {
  const id = userIdOf(principal);
  if (!id) throw new AppError("forbidden", "This token belongs to no person, so it has no notification choices.");
  return id;
}

export const GET = route("read", async (_req, _ctx, principal) => NextResponse.json(await getPreferences(personOf(principal))));

export const PUT = route("read", async (req, _ctx, principal) => {
  const userId = personOf(principal);
  return NextResponse.json(await setPreferences(userId, await readJson(req, preferencesUpdateSchema)));
});
