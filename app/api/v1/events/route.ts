import { NextResponse } from "next/server";
import { readQuery, route } from "@/lib/http";
import { listEvents } from "@/lib/overview/data";
import { eventQuerySchema } from "@/lib/overview/schema";

export const GET = route("read", async (req) => NextResponse.json(await listEvents(readQuery(req, eventQuerySchema))));
