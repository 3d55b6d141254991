import { NextResponse } from "next/server";
import { readQuery, route } from "@/lib/http";
import { listDeliveries } from "@/lib/webhooks/data";
import { deliveriesQuerySchema, webhookIdSchema } from "@/lib/webhooks/schema";

/** The webhook's delivery log, newest first: each delivery with every attempt. */
export const GET = route<{ id: string }>("manage_settings", async (req, { params }) => {
  const id = webhookIdSchema.parse((await params).id);
  return NextResponse.json(await listDeliveries(id, readQuery(req, deliveriesQuerySchema)));
});
