import { randomUUID } from "node:crypto";
import { z, ZodError } from "zod";

// One error type for the whole app. Doors (HTTP, server actions, CLI) map `code` to their own form.
export const ERROR_STATUS = {
  invalid: 400,
  invalid_encoding: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  image_mismatch: 409,
  too_large: 413,
  unsupported_media_type: 415,
  not_markdown: 422,
  no_items: 422,
  empty_results: 422,
  not_preflight: 422,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}

export type ErrorBody = { error: { code: string; message: string; details?: unknown } };

/** Every error answer of the API, as the OpenAPI document describes it. */
export const errorBodySchema = z.object({
  error: z.object({
    code: z.enum(Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]]),
    message: z.string(),
    /** Field problems (`[{ path, message }]`) for `invalid`, or facts the code defines (`retryAfterSeconds`, `stale`, …). */
    details: z.unknown().optional(),
  }),
}).meta({ id: "Error" });

/** Maps anything thrown to an AppError; unknown errors are logged with an id the client can quote. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof ZodError) {
    return new AppError("invalid", describeZodError(error), zodIssues(error));
  }
  if (isDatabaseUnavailable(error)) {
    return new AppError("unavailable", "The database is not reachable; try again shortly.");
  }
  const prisma = prismaCode(error);
  // A lost race on a unique key, or a row deleted under us: the request's fault of timing, never a 500.
  if (prisma === "P2002") return new AppError("conflict", "Someone else saved the same thing at the same moment; reload and try again.");
  if (prisma === "P2025") return new AppError("not_found", "The record was not found; it may have just been deleted.");
  const logId = randomUUID().slice(0, 8);
  console.error(`[certboard] unhandled error ${logId}:`, error);
  return new AppError("internal", `Internal error (log id ${logId}).`);
}

/** Prisma's known request error code (P2002 unique violation, P2025 record not found), if the error carries one. */
function prismaCode(error: unknown): string | null {
  if (typeof error !== "object" || error === null) return null;
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" && /^P\d{4}$/.test(code) ? code : null;
}

export function describeZodError(error: ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length ? `${issue.path.join(".")}: ${issue.message}` : issue.message))
    .join("; ");
}

function zodIssues(error: ZodError) {
  return error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
}

const UNAVAILABLE_PATTERNS = [
  "ECONNREFUSED",
  "Can't reach database server",
  // pg-pool: no connection could be made, or none was free, within connectionTimeoutMillis.
  "timeout exceeded when trying to connect",
  "ECONNRESET",
  "ETIMEDOUT",
  "Connection terminated",
  "connection timeout",
  "the database system is shutting down",
  "the database system is starting up",
  "terminating connection due to administrator command",
  "DatabaseNotReachable",
];

export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === "object" && !seen.has(current)) {
    seen.add(current);
    const record = current as { message?: unknown; code?: unknown; kind?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown } };
    const text = [record.message, record.code, record.kind].filter((v) => typeof v === "string").join(" ");
    if (UNAVAILABLE_PATTERNS.some((p) => text.includes(p))) return true;
    if (record.code === "P1001" || record.code === "P1017") return true;
    // Raw queries ($queryRaw, P2010) carry the driver adapter's error in meta rather than as the cause.
    current = record.cause ?? record.meta?.driverAdapterError;
  }
  return false;
}
