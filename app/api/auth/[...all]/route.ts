import { toNextJsHandler } from "better-auth/next-js";
import { getAuth } from "@/lib/auth/better-auth";

// better-auth's own endpoints (sign-in, sign-out, session, OIDC callbacks). It checks Origin on
// every cookie-carrying request; sign-in is rate limited by hooks in lib/auth/better-auth.ts.
async function handle(req: Request): Promise<Response> {
  const { GET, POST } = toNextJsHandler(await getAuth());
  return req.method === "GET" ? GET(req) : POST(req);
}

export const GET = handle;
export const POST = handle;
