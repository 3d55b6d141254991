import "server-only";
import { headers as requestHeaders } from "next/headers";
import { redirect } from "next/navigation";
import { getAuth } from "@/lib/auth/better-auth";
import { clientIp } from "@/lib/auth/client-ip";
import { LIMITS } from "@/lib/auth/limits";
import { expectedOrigin } from "@/lib/auth/origin";
import { can, type Permission, type Principal } from "@/lib/auth/schema";
import { AppError } from "@/lib/errors";
import { hitRateLimit, tooManyRequests } from "@/lib/rate-limit/mutations";
import { isSetUp } from "@/lib/auth/data";
import { authenticateApiToken } from "@/lib/auth/mutations";

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/**
 * Who is calling: a bearer token (CI, scripts) or a session cookie (people), or null. A bad token
 * is an error, not anonymity, and failures are rate limited per client address.
 */
export async function getPrincipal(headers: Headers): Promise<Principal | null> {
  const authorization = headers.get("authorization");
  if (authorization) {
    const key = `token-fail:${clientIp(headers)}`;
    // A client over its limit of failed tokens is refused before any token is checked (in the same statement).
    const { principal, retryAfterSeconds } = await authenticateApiToken(BEARER.exec(authorization)?.[1] ?? "", { key, ...LIMITS.tokenFailuresPerClient });
    if (retryAfterSeconds !== null) throw tooManyRequests(retryAfterSeconds, "failed token attempts");
    if (principal) return principal;
    const hit = await hitRateLimit(key, LIMITS.tokenFailuresPerClient);
    if (!hit.allowed) throw tooManyRequests(hit.retryAfterSeconds, "failed token attempts");
    throw new AppError("unauthenticated", "The API token is invalid, expired or revoked.");
  }
  const session = await (await getAuth()).api.getSession({ headers });
  const user = session?.user;
  if (!user || user.active === false) return null;
  return { kind: "user", id: user.id, email: user.email, name: user.name, role: (user.role ?? "viewer") as "viewer" | "engineer" | "admin" };
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Cookie-authenticated writes must come from our own pages. Browsers send Origin on every
 * cross-origin write; Sec-Fetch-Site covers the rest. Token requests carry no ambient credentials.
 */
export function assertSameOrigin(req: Request): void {
  if (SAFE_METHODS.has(req.method)) return;
  const origin = req.headers.get("origin");
  const site = req.headers.get("sec-fetch-site");
  const expected = expectedOrigin(req);
  const sameOrigin = origin !== null ? origin === expected : site === "same-origin" || site === "none";
  if (!sameOrigin) throw new AppError("forbidden", "Cross-origin request refused: writes with a session cookie must come from Certboard's own pages.");
}

/** The door's guard: 401 when nobody is signed in, 403 when the caller may not do this. */
export async function authorize(req: Request, permission: Permission): Promise<Principal> {
  const principal = await getPrincipal(req.headers);
  if (!principal) throw new AppError("unauthenticated", "Sign in, or send an API token as Authorization: Bearer <token>.");
  if (principal.kind === "user") assertSameOrigin(req);
  if (!can(principal, permission)) {
    throw new AppError("forbidden", `Your ${principal.kind === "user" ? "role" : "token"} (${principal.role}) may not do this.`);
  }
  return principal;
}

/** For pages: leads to /setup before the first admin exists, and to sign-in when nobody is signed in. */
export async function requirePageUser(nextPath: string): Promise<Extract<Principal, { kind: "user" }>> {
  const headers = await requestHeaders();
  if (!(await isSetUp())) redirect("/setup");
  const principal = await getPrincipal(new Headers({ cookie: headers.get("cookie") ?? "" }));
  if (!principal || principal.kind !== "user") redirect(`/sign-in?next=${encodeURIComponent(nextPath)}`);
  return principal;
}

/** The signed-in person, if any, without redirecting (the header, the sign-in page). */
export async function getPageUser(): Promise<Extract<Principal, { kind: "user" }> | null> {
  const headers = await requestHeaders();
  const principal = await getPrincipal(new Headers({ cookie: headers.get("cookie") ?? "" })).catch(() => null);
  return principal?.kind === "user" ? principal : null;
}
