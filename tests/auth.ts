import { randomUUID } from "node:crypto";
import { NextRequest } from "next/server";
import { getAuth } from "@/lib/auth/better-auth";
import type { TokenRole, UserRole } from "@/lib/auth/schema";
import { createApiToken } from "@/lib/tokens/mutations";
import { createUser } from "@/lib/users/mutations";

export const TEST_ORIGIN = "http://localhost";

/** For test files under app/, which lint keeps away from @/lib/db: close the pool after the file. */
export { disconnectDb } from "@/lib/db";

export type TestUser = { id: string; email: string; name: string; password: string; cookie: string };

/** A real user, signed in through better-auth: the cookie is what a browser would send. */
export async function createSignedInUser(role: UserRole): Promise<TestUser> {
  const email = `${role}-${randomUUID().slice(0, 8)}@example.test`;
  const password = `pw-${randomUUID()}`;
  const name = `Test ${role} ${email.slice(role.length + 1, role.length + 5)}`;
  const user = await createUser({ email, name, role, password });
  const response = await (await getAuth()).api.signInEmail({
    body: { email, password },
    headers: new Headers({ origin: TEST_ORIGIN, "x-certboard-peer": `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}` }),
    asResponse: true,
  });
  if (!response.ok) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  return { id: user.id, email, name, password, cookie };
}

export async function createToken(role: TokenRole, options: { userId?: string | null; expiresAt?: Date | null } = {}) {
  return createApiToken({
    name: `test-${role}-${randomUUID().slice(0, 6)}`,
    role,
    expiresAt: options.expiresAt ?? null,
    userId: options.userId ?? null,
    actor: { kind: "system", name: "system" },
  });
}

type Credentials = { cookie: string } | { token: string } | null;

export type TestRequestInit = {
  method?: string;
  body?: unknown;
  contentType?: string;
  as: Credentials;
  /** The Origin a cookie request carries: our own by default; null sends none (like a same-site GET). */
  origin?: string | null;
  /** Extra headers (x-certboard-peer as scripts/serve.mjs sets it, sec-fetch-site, a raw Authorization, ...), applied last. */
  headers?: Record<string, string>;
};

/** A request as a browser page (cookie + own Origin) or a pipeline (bearer token) would send it. */
export function request(url: string, init: TestRequestInit): NextRequest {
  const headers = new Headers();
  if (init.as && "cookie" in init.as) {
    headers.set("cookie", init.as.cookie);
    const origin = init.origin === undefined ? TEST_ORIGIN : init.origin;
    if (origin !== null) headers.set("origin", origin);
  }
  if (init.as && "token" in init.as) headers.set("authorization", `Bearer ${init.as.token}`);
  let body: string | undefined;
  if (init.body !== undefined) {
    headers.set("content-type", init.contentType ?? "application/json");
    body = typeof init.body === "string" ? init.body : JSON.stringify(init.body);
  }
  for (const [name, value] of Object.entries(init.headers ?? {})) headers.set(name, value);
  return new NextRequest(`${TEST_ORIGIN}${url}`, { method: init.method ?? "GET", headers, body });
}
