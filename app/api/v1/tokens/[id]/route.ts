import { NextResponse } from "next/server";
import { z } from "zod";
import { can } from "@/lib/auth/schema";
import { route } from "@/lib/http";
import { revokeApiToken } from "@/lib/tokens/mutations";

const idSchema = z.uuid("Unknown token id");

/** Revokes a token (the row stays, so its history of use remains visible). */
export const DELETE = route<{ id: string }>("manage_own_tokens", async (_req, { params }, principal) => {
  const id = idSchema.parse((await params).id);
  await revokeApiToken({ id, principal, mayRevokeAll: can(principal, "manage_all_tokens") });
  return NextResponse.json({ revoked: id });
});
