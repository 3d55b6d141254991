import { NextResponse } from "next/server";
import { actorOf } from "@/lib/auth/schema";
import { route } from "@/lib/http";
import { sendTestEvent } from "@/lib/webhooks/mutations";
import { webhookIdSchema } from "@/lib/webhooks/schema";

/** Send test: a webhook.test event to this webhook only, tried at once; answers with the attempt. */
export const POST = route<{ id: string }>("manage_settings", async (_req, { params }, principal) => {
  const id = webhookIdSchema.parse((await params).id);
  return NextResponse.json(await sendTestEvent(id, actorOf(principal)));
});
