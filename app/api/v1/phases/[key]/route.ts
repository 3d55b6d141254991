import { NextResponse } from "next/server";
import { actorOf } from "@/lib/auth/schema";
import { productQuerySchema } from "@/lib/backlog/schema";
import { getPhaseBoard } from "@/lib/phases/data";
import { updatePhase } from "@/lib/phases/mutations";
import { phasePatchSchema } from "@/lib/phases/schema";
import { readJson, readQuery, route } from "@/lib/http";
import { productFor } from "@/lib/products/data";

type Params = { key: string };

export const GET = route<Params>("read", async (req, { params }, principal) => {
  const { key } = await params;
  const product = (await productFor(principal, readQuery(req, productQuerySchema).product, "read")).slug;
  return NextResponse.json(await getPhaseBoard(key, product));
});

/** `{ version, completed?, dependsOn?, gates? }`: complete or reopen the phase, or replace what it waits for. */
export const PATCH = route<Params>("edit_items", async (req, { params }, principal) => {
  const { key } = await params;
  const product = (await productFor(principal, readQuery(req, productQuerySchema).product, "edit_items")).slug;
  const patch = await readJson(req, phasePatchSchema);
  await updatePhase({ productSlug: product, key, patch, actor: actorOf(principal) });
  return NextResponse.json(await getPhaseBoard(key, product));
});
