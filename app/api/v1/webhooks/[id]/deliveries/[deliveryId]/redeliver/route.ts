import { NextResponse } from "next/server";
import { route } from "@/lib/http";
import { redeliver } from "@/lib/webhooks/mutations";
import { deliveryIdSchema, webhookIdSchema } from "@/lib/webhooks/schema";

/** One more try now, logged as a manual attempt; answers with its outcome. */
export const POST = route<{ id: string; deliveryId: string }>("manage_settings", async (_req, { params }) => {
  const { id, deliveryId } = await params;
  return NextResponse.json(await redeliver(webhookIdSchema.parse(id), deliveryIdSchema.parse(deliveryId)));
});
