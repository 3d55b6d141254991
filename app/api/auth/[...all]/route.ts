import { toNextJsHandler } from "better-auth/next-js";
import { getAuth } from "@/lib/auth/better-auth";
import { errorResponse, screenedRequest } from "@/lib/http";

/** Sign-in bodies are a few hundred bytes; better-auth itself reads any size. */
const MAX_AUTH_BODY_BYTES = 64 * 1024;

// better-auth's own endpoints (sign-in, sign-out, session, OIDC callbacks). It checks Origin on
// every cookie-carrying request; sign-in is rate limited by hooks in lib/auth/better-auth.ts.
// Bodies are screened first (size, nesting, NUL characters): better-auth answered those with 500.
async function handle(req: Request): Promise<Response> {
  const { GET, POST } = toNextJsHandler(await getAuth());
  if (req.method === "GET") return GET(req);
  let screened: Request;
  try {
    screened = await screenedRequest(req, MAX_AUTH_BODY_BYTES);
  } catch (error) {
    return errorResponse(error);
  }
  return POST(screened);
}

export const GET = handle;
export const POST = handle;
