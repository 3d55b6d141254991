import { NextResponse } from "next/server";
import { actorOf, can, createTokenSchema } from "@/lib/auth/schema";
import { AppError } from "@/lib/errors";
import { readJson, route } from "@/lib/http";
import { listApiTokens } from "@/lib/tokens/data";
import { createApiToken } from "@/lib/tokens/mutations";
import { parseExpiry } from "@/lib/auth/token";
import { productFor } from "@/lib/products/data";

export const GET = route("manage_own_tokens", async (_req, _ctx, principal) => {
  const scope = can(principal, "manage_all_tokens") ? "all" : { userId: principal.kind === "user" ? principal.id : "" };
  return NextResponse.json({ tokens: await listApiTokens(scope) });
});

export const POST = route("manage_own_tokens", async (req, _ctx, principal) => {
  const input = await readJson(req, createTokenSchema);
  const expiresAt = parseExpiry(input.expires);
  if (expiresAt === undefined) throw new AppError("invalid", 'expires: use a duration of at most 100 years such as "90d", "12h", "4w", "1y", or "never".');
  // A scope names products its owner can see (404 otherwise, as everywhere).
  const products = await Promise.all(input.products.map((slug) => productFor(principal, slug, "read")));
  const token = await createApiToken({
    name: input.name,
    role: input.role,
    expiresAt,
    userId: principal.kind === "user" ? principal.id : null,
    productIds: products.map((p) => p.id),
    actor: actorOf(principal),
  });
  return NextResponse.json({ token }, { status: 201 });
});
