import "server-only";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { APIError, createAuthMiddleware, isAPIError } from "better-auth/api";
import { genericOAuth, type GenericOAuthConfig } from "better-auth/plugins/generic-oauth";
import { clientIp } from "@/lib/auth/client-ip";
import { LIMITS, SIGN_IN_BACKOFF } from "@/lib/auth/limits";
import { expectedOrigin } from "@/lib/auth/origin";
import { ensureAuthSecret } from "@/lib/auth/mutations";
import { getDb } from "@/lib/db";
import { claimAttempt, clearFailures, hitRateLimit, recordFailure } from "@/lib/rate-limit/mutations";

const SESSION_DAYS = 7;
const accountKey = (email: unknown) => `signin-fail:${String(email ?? "").trim().toLowerCase()}`;

function tooMany(seconds: number, message: string): APIError {
  return new APIError("TOO_MANY_REQUESTS", { code: "rate_limited", message: `${message}; try again in ${seconds} s.` }, { "Retry-After": String(seconds) });
}

/** OpenID Connect sign-in, only when configured by environment variables (see README). */
export function oidcProviders(env: Readonly<Record<string, string | undefined>> = process.env): GenericOAuthConfig[] {
  const { OIDC_ISSUER, OIDC_DISCOVERY_URL, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET } = env;
  const discoveryUrl = OIDC_DISCOVERY_URL ?? (OIDC_ISSUER && `${OIDC_ISSUER.replace(/\/$/, "")}/.well-known/openid-configuration`);
  if (!discoveryUrl || !OIDC_CLIENT_ID || !OIDC_CLIENT_SECRET) return [];
  return [
    {
      providerId: "oidc",
      discoveryUrl,
      clientId: OIDC_CLIENT_ID,
      clientSecret: OIDC_CLIENT_SECRET,
      scopes: (env.OIDC_SCOPES ?? "openid profile email").split(/\s+/),
      pkce: true,
      // Only people an admin created may sign in, unless new users are allowed in as viewers.
      disableImplicitSignUp: env.OIDC_AUTO_PROVISION !== "1",
    },
  ];
}

/**
 * better-auth fetches the OIDC discovery document without a timeout while it initialises, so an
 * identity provider that never answers would stall every sign-in. Probe it first, bounded; when it
 * fails, run without single sign-on and try again a minute later.
 */
async function reachableOidcProviders(): Promise<GenericOAuthConfig[]> {
  const providers = oidcProviders();
  const discoveryUrl = providers[0]?.discoveryUrl;
  if (!discoveryUrl) return [];
  try {
    const response = await fetch(discoveryUrl, { signal: AbortSignal.timeout(5_000), cache: "no-store" });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return providers;
  } catch (error) {
    console.error(`[auth] OIDC discovery at ${discoveryUrl} failed (${String(error)}); single sign-on is off, retrying in 60 s`);
    setTimeout(() => (globalForAuth.certboardAuth = undefined), 60_000).unref();
    return [];
  }
}

/**
 * GitHub sign-in, only when configured. It has its own switch for creating unknown people: anyone
 * can have a GitHub account, so allowing it for the company's identity provider must not allow it here.
 */
export function githubProvider(env: Readonly<Record<string, string | undefined>> = process.env) {
  const { GITHUB_CLIENT_ID, GITHUB_CLIENT_SECRET } = env;
  if (!GITHUB_CLIENT_ID || !GITHUB_CLIENT_SECRET) return {};
  return { github: { clientId: GITHUB_CLIENT_ID, clientSecret: GITHUB_CLIENT_SECRET, disableImplicitSignUp: env.GITHUB_AUTO_PROVISION !== "1" } };
}

function buildAuth(secret: string, oidc: GenericOAuthConfig[]) {
  const publicUrl = process.env.CERTBOARD_URL;
  return betterAuth({
    appName: "Certboard",
    baseURL: publicUrl,
    secret,
    database: prismaAdapter(getDb(), { provider: "postgresql", transaction: true }),
    telemetry: { enabled: false },
    // The same rule as our own routes' Origin check (lib/auth/origin.ts).
    trustedOrigins: (request?: Request) => (request ? [expectedOrigin(request)] : publicUrl ? [new URL(publicUrl).origin] : []),
    advanced: {
      database: { generateId: "uuid" },
      cookiePrefix: "certboard",
      useSecureCookies: publicUrl?.startsWith("https://") ?? false,
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax" },
    },
    emailAndPassword: {
      enabled: true,
      // People are created by the first-run setup, by admins, or with the CLI; never by signing up.
      disableSignUp: true,
      minPasswordLength: 12,
      maxPasswordLength: 256,
    },
    socialProviders: githubProvider(),
    user: {
      additionalFields: {
        role: { type: ["viewer", "engineer", "admin"], required: false, defaultValue: "viewer", input: false },
        active: { type: "boolean", required: false, defaultValue: true, input: false },
      },
    },
    // No cookie cache: every request reads the session row, so deactivation signs people out at once.
    session: { expiresIn: 60 * 60 * 24 * SESSION_DAYS, updateAge: 60 * 60 * 24 },
    // Our PostgreSQL-backed limiter below replaces better-auth's, so one set of counters holds across processes.
    rateLimit: { enabled: false },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== "/sign-in/email") return;
        const perClient = await hitRateLimit(`signin:${clientIp(ctx.headers ?? new Headers())}`, LIMITS.signInPerClient);
        if (!perClient.allowed) throw tooMany(perClient.retryAfterSeconds, "Too many sign-in attempts");
        const perAccount = await claimAttempt(accountKey(ctx.body?.email), SIGN_IN_BACKOFF);
        if (!perAccount.allowed) throw tooMany(perAccount.retryAfterSeconds, "Too many failed sign-ins for this account");
      }),
      after: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== "/sign-in/email") return;
        const returned = ctx.context.returned;
        if (isAPIError(returned)) {
          if (returned.statusCode === 401) await recordFailure(accountKey(ctx.body?.email), SIGN_IN_BACKOFF);
        } else {
          await clearFailures(accountKey(ctx.body?.email));
        }
      }),
    },
    databaseHooks: {
      session: {
        create: {
          // A deactivated person gets no new session, whatever the sign-in method.
          before: async (session) => {
            const user = await getDb().user.findUnique({ where: { id: session.userId }, select: { active: true } });
            if (user?.active !== true) throw new APIError("FORBIDDEN", { code: "forbidden", message: "This account is deactivated." });
          },
        },
      },
    },
    plugins: oidc.length ? [genericOAuth({ config: oidc })] : [],
  });
}

export type Auth = ReturnType<typeof buildAuth>;

const globalForAuth = globalThis as unknown as { certboardAuth?: Promise<Auth> };

/** The better-auth instance, built once per process after the signing secret is known. */
export function getAuth(): Promise<Auth> {
  globalForAuth.certboardAuth ??= Promise.all([ensureAuthSecret(), reachableOidcProviders()])
    .then(([secret, oidc]) => buildAuth(secret, oidc))
    .catch((error: unknown) => {
      globalForAuth.certboardAuth = undefined;
      throw error;
    });
  return globalForAuth.certboardAuth;
}

export function oidcEnabled(): boolean {
  return oidcProviders().length > 0;
}
