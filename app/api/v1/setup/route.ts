import { NextResponse } from "next/server";
import { getAuth } from "@/lib/auth/better-auth";
import { clientIp, isLoopback } from "@/lib/auth/client-ip";
import { LIMITS } from "@/lib/auth/limits";
import { setupSchema } from "@/lib/auth/schema";
import { publicRoute, readJson } from "@/lib/http";
import { hitRateLimit, tooManyRequests } from "@/lib/rate-limit/mutations";
import { setupFirstAdmin } from "@/lib/users/mutations";

// Public by necessity: before the first admin exists nobody can sign in. It works exactly once, and
// from another machine only with the setup code the server printed.
export const POST = publicRoute(async (req) => {
  const limit = await hitRateLimit(`setup:${clientIp(req.headers)}`, LIMITS.setupPerClient);
  if (!limit.allowed) throw tooManyRequests(limit.retryAfterSeconds, "setup attempts");
  const input = await readJson(req, setupSchema);
  const admin = await setupFirstAdmin(input, { requireCode: !isLoopback(req.headers) });
  // Sign the new admin straight in. The admin exists whatever happens next, so a refused sign-in
  // (e.g. rate limited) still answers 201, with signedIn false: the page then leads to sign-in.
  const signIn = await (await getAuth()).api
    .signInEmail({ body: { email: input.email, password: input.password }, headers: req.headers, asResponse: true })
    .catch(() => null);
  const signedIn = signIn?.ok ?? false;
  const response = NextResponse.json({ user: { id: admin.id, email: admin.email, name: admin.name, role: admin.role }, signedIn }, { status: 201 });
  for (const cookie of signIn?.headers.getSetCookie() ?? []) response.headers.append("set-cookie", cookie);
  return response;
});
