import { NextResponse } from "next/server";
import { z } from "zod";
import { route } from "@/lib/http";
import { getRun } from "@/lib/preflight/data";

export const GET = route<{ id: string }>("read", async (_req, { params }) => {
  const id = z.uuid("Unknown run id").parse((await params).id);
  return NextResponse.json(await getRun(id));
});
