import { NextResponse } from "next/server";
import { publicRoute } from "@/lib/http";
import { pingDatabase } from "@/lib/system/data";

export const GET = publicRoute(async () => {
  const ok = await pingDatabase();
  return ok
    ? NextResponse.json({ status: "ok" })
    : NextResponse.json({ status: "unavailable", error: { code: "unavailable", message: "The database is not reachable." } }, { status: 503 });
});
