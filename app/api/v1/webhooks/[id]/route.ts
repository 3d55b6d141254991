import { NextResponse } from "next/server";
import { readJson, route } from "@/lib/http";
import { getWebhook } from "@/lib/webhooks/data";
import { deleteWebhook, updateWebhook } from "@/lib/webhooks/mutations";
import { updateWebhookSchema, webhookIdSchema } from "@/lib/webhooks/schema";

type Params = { id: string };

export const GET = route<Params>("manage_settings", async (_req, { params }) => {
  const id = webhookIdSchema.parse((await params).id);
  return NextResponse.json({ webhook: await getWebhook(id) });
});

export const PATCH = route<Params>("manage_settings", async (req, { params }) => {
  const id = webhookIdSchema.parse((await params).id);
  const webhook = await updateWebhook(id, await readJson(req, updateWebhookSchema));
  return NextResponse.json({ webhook });
});

export const DELETE = route<Params>("manage_settings", async (_req, { params }) => {
  const id = webhookIdSchema.parse((await params).id);
  await deleteWebhook(id);
  return NextResponse.json({ deleted: id });
});
