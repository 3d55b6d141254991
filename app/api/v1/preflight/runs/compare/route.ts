import { NextResponse } from "next/server";
import { readQuery, route } from "@/lib/http";
import { getRunComparison, runCompareQuerySchema } from "@/lib/preflight/data";

export const GET = route("read", async (req) => {
  return NextResponse.json(await getRunComparison(readQuery(req, runCompareQuerySchema)));
});
