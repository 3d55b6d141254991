import { z } from "zod";

// Sign-offs: a person's word on a requirement that no current preflight check verifies (portal
// tasks, Red Hat reviews, checks preflight no longer reports). Safe on client and server.

/** Sign-offs of the listing's requirements (PRD-*) are kept under this subject instead of a component id. */
export const PRODUCT_SUBJECT = "product";

export const SIGN_OFF_STATUSES = ["met", "not_met", "not_applicable"] as const;
export type SignOffStatus = (typeof SIGN_OFF_STATUSES)[number];
export const SIGN_OFF_LABELS: Record<SignOffStatus, string> = { met: "Met", not_met: "Not met", not_applicable: "Not applicable" };

const MAX_EXPIRY_YEARS = 10;

/** PUT /api/v1/components/{slug}/requirements/{code} and /api/v1/products/{slug}/requirements/{code}. */
export const signOffWriteSchema = z
  .strictObject({
    status: z.enum(SIGN_OFF_STATUSES, { error: `one of ${SIGN_OFF_STATUSES.join(", ")}` }),
    note: z.string().trim().max(4000, "at most 4,000 characters").default(""),
    link: z
      .url({ protocol: /^https?$/, error: "an http(s) address, e.g. https://connect.redhat.com/…" })
      .max(2000, "at most 2,000 characters")
      .nullable()
      .optional(),
    expiresAt: z.iso
      .date("a date such as 2027-06-30")
      .or(z.iso.datetime({ offset: true, error: "a date such as 2027-06-30" }))
      .nullable()
      .optional(),
  })
  .superRefine((write, ctx) => {
    if (write.status === "not_applicable" && write.note === "") {
      ctx.addIssue({ code: "custom", path: ["note"], message: "say why the requirement does not apply (a note is required for not_applicable)" });
    }
    if (write.expiresAt) {
      const at = Date.parse(write.expiresAt);
      if (at > Date.now() + MAX_EXPIRY_YEARS * 366 * 86_400_000) {
        ctx.addIssue({ code: "custom", path: ["expiresAt"], message: `at most ${MAX_EXPIRY_YEARS} years ahead` });
      }
    }
  });
export type SignOffWrite = z.infer<typeof signOffWriteSchema>;

export const requirementCodeSchema = z.string().regex(/^(CTR|OPB|PRD)-\d{2}$/, "a requirement code such as CTR-17, OPB-05 or PRD-01");

/** A sign-off as the matrix and the API show it. */
export type SignOffView = {
  status: SignOffStatus;
  note: string;
  link: string | null;
  expiresAt: string | null;
  expired: boolean;
  by: string;
  at: string;
};

export const signOffViewSchema = z
  .object({
    status: z.enum(SIGN_OFF_STATUSES),
    note: z.string(),
    link: z.string().nullable(),
    expiresAt: z.iso.datetime().nullable(),
    expired: z.boolean(),
    by: z.string(),
    at: z.iso.datetime(),
  })
  .meta({ id: "SignOff" });
