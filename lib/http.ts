import { NextResponse, type NextRequest } from "next/server";
import type { z } from "zod";
import type { Permission, Principal } from "@/lib/auth/schema";
import { authorize } from "@/lib/auth/session";
import { assertStorableText, concatBytes, decodeUtf8 } from "@/lib/encoding";
import { AppError, toAppError, type ErrorBody } from "@/lib/errors";
import { queryProblems } from "@/lib/query-params";

type RouteContext<P> = { params: Promise<P> };
type Handler<P> = (req: NextRequest, ctx: RouteContext<P>) => Promise<Response>;
type GuardedHandler<P, Who> = (req: NextRequest, ctx: RouteContext<P>, principal: Who) => Promise<Response>;

/**
 * Wraps every guarded route handler: it names the permission it needs, checked here inside the
 * door before any work; one error contract, no stack traces or driver messages to clients.
 */
export function route<P = Record<string, never>>(permission: Permission, handler: GuardedHandler<P, Principal>): Handler<P> {
  return async (req, ctx) => {
    try {
      const principal = await authorize(req, permission);
      await assertStorableParams(ctx);
      return await handler(req, ctx, principal);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

/** A door anyone may use (health, first-run setup); it still gets the error contract. */
export function publicRoute<P = Record<string, never>>(handler: Handler<P>): Handler<P> {
  return async (req, ctx) => {
    try {
      await assertStorableParams(ctx);
      return await handler(req, ctx);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

/** Path segments arrive decoded: `/items/%00` must be refused here, not by the database. */
async function assertStorableParams<P>(ctx: RouteContext<P> | undefined): Promise<void> {
  const params = ctx?.params ? await ctx.params : undefined;
  if (params) assertStorableText(params, "The URL");
}

export function errorResponse(error: unknown): Response {
  const appError = toAppError(error);
  const body: ErrorBody = { error: { code: appError.code, message: appError.message } };
  if (appError.details !== undefined) body.error.details = appError.details;
  const headers = new Headers();
  const retry = (appError.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
  if (appError.code === "rate_limited" && typeof retry === "number") headers.set("Retry-After", String(retry));
  if (appError.code === "unauthenticated") headers.set("WWW-Authenticate", 'Bearer realm="certboard"');
  return NextResponse.json(body, { status: appError.status, headers });
}

/**
 * A request body chunk by chunk, refused (too_large) as soon as it passes `maxBytes`: at once when
 * Content-Length says so, otherwise while reading (a chunked body has no length to check). Aborting
 * `signal` ends it early (the consumer gave up); either way the rest of the body is never read.
 */
export async function* readBodyChunks(req: Request, maxBytes: number, signal?: AbortSignal): AsyncGenerator<Uint8Array> {
  const declared = Number(req.headers.get("content-length") ?? "NaN");
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  if (!req.body) return;
  const reader = req.body.getReader();
  // A pending read() resolves as done once cancelled: a stalled client cannot hold the generator.
  const cancel = () => void reader.cancel().catch(() => undefined);
  signal?.addEventListener("abort", cancel, { once: true });
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done || signal?.aborted) return;
      total += value.byteLength;
      if (total > maxBytes) throw tooLarge(maxBytes);
      yield value;
    }
  } finally {
    signal?.removeEventListener("abort", cancel);
    cancel();
  }
}

/** Reads a whole request body under a size cap (see readBodyChunks). */
export async function readBodyBytes(req: Request, maxBytes: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of readBodyChunks(req, maxBytes)) chunks.push(chunk);
  return concatBytes(chunks);
}

function tooLarge(maxBytes: number): AppError {
  const MIB = 1024 * 1024;
  const limit = maxBytes % MIB === 0 ? `${maxBytes / MIB} MiB` : `${Math.round(maxBytes / 1024)} KiB`;
  return new AppError("too_large", `The request body is larger than ${limit}.`);
}

export function mediaType(req: Request): string {
  return (req.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
}

export function requireMediaType(req: Request, allowed: readonly string[]): string {
  const type = mediaType(req);
  if (!allowed.includes(type)) {
    throw new AppError(
      "unsupported_media_type",
      `Content-Type must be ${allowed.join(" or ")}${type ? `, not ${type}` : ""}.`,
    );
  }
  return type;
}

const MAX_JSON_BYTES = 256 * 1024;

/** Parses a JSON request body against a zod schema (415 for other media types, 400 for bad JSON). */
export async function readJson<S extends z.ZodType>(req: Request, schema: S): Promise<z.infer<S>> {
  requireMediaType(req, ["application/json"]);
  const bytes = await readBodyBytes(req, MAX_JSON_BYTES);
  let value: unknown;
  try {
    value = JSON.parse(decodeUtf8(bytes));
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError("invalid", "The request body is not valid JSON.");
  }
  assertStorableText(value, "The request body");
  return schema.parse(value);
}


const MAX_SCREENED_DEPTH = 32;

/** Nesting of a parsed JSON value, counted without recursion (the value may be deeper than the stack). */
function nestingDepth(value: unknown): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (typeof current !== "object" || current === null) continue;
    deepest = Math.max(deepest, depth + 1);
    if (deepest > MAX_SCREENED_DEPTH) return deepest;
    for (const child of Object.values(current)) stack.push([child, depth + 1]);
  }
  return deepest;
}

/**
 * For doors handled by a library (better-auth's sign-in): the body is read once under a size cap,
 * and JSON or form bodies that nest deeper than 32 levels or hold text PostgreSQL cannot store are
 * refused here, in our error contract, instead of failing inside the library with a 500. Malformed
 * JSON is left for the library to answer. Returns a fresh request with the same bytes.
 */
export async function screenedRequest(req: Request, maxBytes: number): Promise<Request> {
  if (req.method === "GET" || req.method === "HEAD") return req;
  const bytes = await readBodyBytes(req, maxBytes);
  const type = mediaType(req);
  if (bytes.length > 0 && (type === "application/json" || type === "application/x-www-form-urlencoded")) {
    const text = decodeUtf8(bytes);
    let value: unknown = null;
    if (type === "application/json") {
      try {
        value = JSON.parse(text);
      } catch {
        value = null;
      }
    } else {
      value = Object.fromEntries(new URLSearchParams(text));
    }
    if (nestingDepth(value) > MAX_SCREENED_DEPTH) throw new AppError("invalid", `The request body nests deeper than ${MAX_SCREENED_DEPTH} levels.`);
    assertStorableText(value, "The request body");
  }
  return new Request(req.url, { method: req.method, headers: req.headers, body: bytes.length > 0 ? Buffer.from(bytes) : null, signal: req.signal });
}

/**
 * Parses URL search params against a zod schema (unknown params are ignored); a bad value is a 400
 * naming the parameter and, for a choice, the values it allows (the same words pages show).
 */
export function readQuery<S extends z.ZodType>(req: NextRequest, schema: S): z.infer<S> {
  const params = Object.fromEntries(req.nextUrl.searchParams);
  assertStorableText(params, "The query");
  const parsed = schema.safeParse(params);
  if (parsed.success) return parsed.data;
  const problems = queryProblems(parsed.error, params);
  throw new AppError("invalid", problems.map((p) => p.message).join("; "), problems.map((p) => ({ path: p.param, message: p.message })));
}
