import { z } from "zod";

// Privileged and scratch exceptions (wire types and validation; safe on client and server).

export const EXCEPTION_KINDS = ["privileged", "scratch"] as const;
export const EXCEPTION_STATUSES = ["draft", "requested", "approved", "denied"] as const;
export type ExceptionKind = (typeof EXCEPTION_KINDS)[number];
export type ExceptionStatus = (typeof EXCEPTION_STATUSES)[number];

export const EXCEPTION_KIND_LABELS: Record<ExceptionKind, string> = {
  privileged: "Privileged container",
  scratch: "Scratch or non-UBI base",
};
export const EXCEPTION_STATUS_LABELS: Record<ExceptionStatus, string> = {
  draft: "Draft",
  requested: "Requested",
  approved: "Approved",
  denied: "Denied",
};

export const MAX_JUSTIFICATION = 20_000;

/** PUT /api/v1/components/{slug}/exceptions/{kind}: create (no version) or update (version of the row). */
export const exceptionWriteSchema = z
  .strictObject({
    version: z.number().int().positive().optional(),
    status: z.enum(EXCEPTION_STATUSES).optional(),
    justification: z.string().max(MAX_JUSTIFICATION, `justification: at most ${MAX_JUSTIFICATION} characters`).optional(),
    caseRef: z
      .string()
      .trim()
      .max(64, "caseRef: at most 64 characters")
      .regex(/^[\w.#/-]*$/, "caseRef: letters, digits and . # / - only")
      .nullable()
      .optional(),
  })
  .refine((body) => Object.keys(body).some((key) => key !== "version"), { message: "Nothing to change: send status, justification or caseRef." });
export type ExceptionWrite = z.infer<typeof exceptionWriteSchema>;

export const exceptionKindSchema = z.enum(EXCEPTION_KINDS, { message: `kind: one of ${EXCEPTION_KINDS.join(", ")}` });

export type ExceptionView = {
  id: string;
  kind: ExceptionKind;
  status: ExceptionStatus;
  justification: string;
  caseRef: string | null;
  requestedAt: string | null;
  decidedAt: string | null;
  decidedBy: string | null;
  createdBy: string;
  updatedAt: string;
  version: number;
};

type StoredException = Omit<ExceptionView, "requestedAt" | "decidedAt" | "updatedAt"> & { requestedAt: Date | null; decidedAt: Date | null; updatedAt: Date };

export function exceptionView(row: StoredException): ExceptionView {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    justification: row.justification,
    caseRef: row.caseRef,
    requestedAt: row.requestedAt?.toISOString() ?? null,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    decidedBy: row.decidedBy,
    createdBy: row.createdBy,
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}


export const exceptionViewSchema = z
  .object({
    id: z.string(),
    kind: z.enum(EXCEPTION_KINDS),
    status: z.enum(EXCEPTION_STATUSES),
    justification: z.string(),
    caseRef: z.string().nullable(),
    requestedAt: z.iso.datetime().nullable(),
    decidedAt: z.iso.datetime().nullable(),
    decidedBy: z.string().nullable(),
    createdBy: z.string(),
    updatedAt: z.iso.datetime(),
    version: z.int(),
  })
  .meta({ id: "Exception" });
