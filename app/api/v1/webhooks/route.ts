import { NextResponse } from "next/server";
import { actorOf } from "@/lib/auth/schema";
import { readJson, route } from "@/lib/http";
import { listWebhooks } from "@/lib/webhooks/data";
import { createWebhook } from "@/lib/webhooks/mutations";
import { createWebhookSchema } from "@/lib/webhooks/schema";

// Admins only (manage_settings): a webhook sends every product's events out of Certboard.
export const GET = route("manage_settings", async () => NextResponse.json({ webhooks: await listWebhooks() }));

export const POST = route("manage_settings", async (req, _ctx, principal) => {
  const webhook = await createWebhook(await readJson(req, createWebhookSchema), actorOf(principal));
  return NextResponse.json({ webhook }, { status: 201 });
});
