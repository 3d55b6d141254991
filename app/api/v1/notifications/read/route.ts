import { NextResponse } from "next/server";
import { readJson, route } from "@/lib/http";
import { requireInboxOwner } from "@/lib/inbox/data";
import { markNotificationsRead } from "@/lib/inbox/mutations";
import { markReadSchema, type MarkReadResult } from "@/lib/inbox/schema";

/** Marks `{ ids: [...] }` or `{ all: true }` of the caller's own notifications read. */
export const POST = route("read", async (req, _ctx, principal) => {
  const owner = requireInboxOwner(principal);
  const input = await readJson(req, markReadSchema);
  return NextResponse.json((await markNotificationsRead(owner, input)) satisfies MarkReadResult);
});
