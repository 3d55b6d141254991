import { NextResponse } from "next/server";
import { pingDatabase } from "@/lib/system/data";

export async function GET() {
  const ok = await pingDatabase();
  return ok
    ? NextResponse.json({ status: "ok" })
    : NextResponse.json({ status: "unavailable", error: { code: "unavailable", message: "The database is not reachable." } }, { status: 503 });
}
