import { AppError, type ErrorCode } from "@/lib/errors";

// The only error the preflight readers throw. `reason` is the precise flag; `code` the AppError
// code (and so the HTTP status) the doors answer with.

export type PreflightParseReason =
  | "empty_results"
  | "malformed_json"
  | "invalid_encoding"
  | "not_preflight"
  | "invalid_results"
  | "too_large"
  | "too_deep"
  | "too_many_documents"
  | "internal";

const CODE_FOR_REASON = {
  // An interrupted run left nothing to import: 422 like the backlog's `no_items`.
  empty_results: "empty_results",
  malformed_json: "invalid",
  invalid_encoding: "invalid_encoding",
  not_preflight: "not_preflight",
  // Preflight's shape with a value of the wrong type where the meaning lives (passed, the lists, the tool).
  invalid_results: "invalid",
  too_large: "too_large",
  too_deep: "invalid",
  too_many_documents: "too_large",
  internal: "internal",
} as const satisfies Record<PreflightParseReason, ErrorCode>;

export type PreflightParseErrorCode = (typeof CODE_FOR_REASON)[PreflightParseReason];

export type PreflightParseErrorDetails = {
  reason: PreflightParseReason;
  /** Byte offset into the uploaded bytes, when the problem has a position. */
  offset?: number;
  fileName?: string;
};

export class PreflightParseError extends AppError {
  declare readonly code: PreflightParseErrorCode;
  declare readonly details: PreflightParseErrorDetails;
  readonly reason: PreflightParseReason;
  readonly offset: number | null;

  constructor(reason: PreflightParseReason, message: string, extra: { offset?: number; fileName?: string } = {}) {
    super(CODE_FOR_REASON[reason], message, { reason, ...extra });
    this.name = "PreflightParseError";
    this.reason = reason;
    this.offset = extra.offset ?? null;
  }
}

/** Runs a reader and turns any stray exception (a bug, never the input's fault) into the typed error. */
export function withTypedErrors<T>(label: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof PreflightParseError) throw error;
    const cause = error instanceof Error ? error.message : String(error);
    throw new PreflightParseError("internal", `Could not read ${label}: unexpected internal error (${cause}).`);
  }
}
