// The integration tier's lib/http (vitest.config.ts aliases "@/lib/http" here): the real module,
// with route() and publicRoute() answers checked against the OpenAPI document. Every answer a test
// gets from a route handler must be one the document describes (path, status, media type, body
// schema); otherwise the call throws, naming the path, the status and the schema error.
import type { NextRequest } from "next/server";
import { publicRoute as realPublicRoute, route as realRoute } from "../lib/http";
import { getOpenApiDocument } from "@/lib/openapi/document";
import { ResponseValidator } from "@/lib/openapi/response-validator";

export * from "../lib/http";

type Handler<P> = (req: NextRequest, ctx: { params: Promise<P> }) => Promise<Response>;

let validator: ResponseValidator | undefined;

export async function assertDocumentedAnswer(req: Request, response: Response): Promise<void> {
  validator ??= new ResponseValidator(getOpenApiDocument());
  const contentType = response.headers.get("content-type");
  // Streams never end: their media type is checked, never their body.
  const json = (contentType ?? "").startsWith("application/json");
  const body = json ? await response.clone().json() : contentType?.startsWith("text/event-stream") ? undefined : await response.clone().text();
  const problems = validator.problems({ method: req.method, pathname: new URL(req.url).pathname, status: response.status, contentType, body });
  if (problems.length > 0) throw new Error(`The answer does not match the OpenAPI document:\n${problems.join("\n")}`);
}

function checked<P>(handler: Handler<P>): Handler<P> {
  return async (req, ctx) => {
    const response = await handler(req, ctx);
    await assertDocumentedAnswer(req, response);
    return response;
  };
}

export const route: typeof realRoute = (permission, handler) => checked(realRoute(permission, handler));
export const publicRoute: typeof realPublicRoute = (handler) => checked(realPublicRoute(handler));
