import { NextResponse, type NextRequest } from "next/server";
import type { z } from "zod";
import type { Permission, Principal } from "@/lib/auth/schema";
import { authorize } from "@/lib/auth/session";
import { decodeUtf8 } from "@/lib/encoding";
import { AppError, toAppError, type ErrorBody } from "@/lib/errors";

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
      return await handler(req, ctx);
    } catch (error) {
      return errorResponse(error);
    }
  };
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

/** Reads a request body with a size cap, refusing early on Content-Length. */
export async function readBodyBytes(req: Request, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(req.headers.get("content-length") ?? "NaN");
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  if (!req.body) return new Uint8Array();
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

function tooLarge(maxBytes: number): AppError {
  return new AppError("too_large", `The request body is larger than ${Math.round(maxBytes / 1024)} KiB.`);
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
  return schema.parse(value);
}


/** Parses URL search params against a zod schema (unknown params are ignored). */
export function readQuery<S extends z.ZodType>(req: NextRequest, schema: S): z.infer<S> {
  return schema.parse(Object.fromEntries(req.nextUrl.searchParams));
}
