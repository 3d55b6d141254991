import { z } from "zod";
import { userRoleSchema } from "@/lib/auth/schema";
import { isoDaySchema } from "@/lib/calendar/days";

/**
 * A product slug: lowercase letters and digits in dash-separated words, at most 60 characters.
 * The pattern is also an HTML `pattern` attribute (browsers compile those with the `v` flag).
 */
export const PRODUCT_SLUG_PATTERN = "[a-z0-9]+(?:-[a-z0-9]+)*";
export const PRODUCT_SLUG_MAX = 60;
export const PRODUCT_SLUG = new RegExp(`^(?=.{1,${PRODUCT_SLUG_MAX}}$)${PRODUCT_SLUG_PATTERN}$`, "v");

/** PATCH /api/v1/products/{slug}: the plan (engineers) and access (admins). */
/** Whether the runtime knows the IANA zone (Intl refuses unknown ones). */
export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export const productPatchSchema = z
  .object({
    /** A restricted product exists only for its members (and admins). */
    restricted: z.boolean().optional(),
    /** The day the product should be listed by; null clears it. */
    targetDate: isoDaySchema.nullable().optional(),
    /** The team's hours a week on this product, for a forecast from the remaining effort; null clears it. */
    hoursPerWeek: z
      .number({ error: "must be a number of hours a week" })
      .positive({ error: "must be more than 0 hours a week" })
      .max(10_000, { error: "must be at most 10000 hours a week" })
      .nullable()
      .optional(),
    /** The IANA timezone the weekly digest's Monday morning is in, e.g. "Europe/Berlin". */
    timezone: z
      .string()
      .trim()
      .max(100)
      .refine(isTimeZone, { error: "must be an IANA timezone such as Europe/Berlin or UTC" })
      .optional(),
    /** A component's evidence is stale (evidence.stale) once its last passing run is older than this. */
    evidenceMaxAgeDays: z
      .number({ error: "must be a whole number of days" })
      .int({ error: "must be a whole number of days" })
      .min(1, { error: "must be at least 1 day" })
      .max(3650, { error: "must be at most 3650 days" })
      .optional(),
  })
  .strict()
  .refine((patch) => Object.values(patch).some((value) => value !== undefined), {
    message: "Nothing to change: send targetDate, hoursPerWeek, timezone, evidenceMaxAgeDays or restricted.",
  });
export type ProductPatch = z.infer<typeof productPatchSchema>;

export const productMembersSchema = z
  .array(
    z
      .object({
        /** A person by id or email. */
        user: z.string().trim().min(1).max(254),
        /** Their role on this product, at most their global role. */
        role: userRoleSchema,
      })
      .strict(),
  )
  .max(1_000);

export type ProductMemberView = { userId: string; email: string; name: string; role: z.infer<typeof userRoleSchema>; globalRole: z.infer<typeof userRoleSchema> };

// ---- Response schemas (the OpenAPI document; lib/openapi) ----------------------------------

export const productMemberSchema = z
  .object({ userId: z.string(), email: z.string(), name: z.string(), role: userRoleSchema, globalRole: userRoleSchema })
  .meta({ id: "ProductMember" });

export const productMembersResponseSchema = z.object({ members: z.array(productMemberSchema) });

/** A product as its settings show it; `restricted` and `members` only for admins. */
export const productSettingsSchema = z
  .object({
    product: z.object({
      id: z.string(),
      slug: z.string(),
      name: z.string(),
      targetDate: z.string().nullable().meta({ description: "YYYY-MM-DD, or null." }),
      hoursPerWeek: z.number().nullable(),
      timezone: z.string().meta({ description: "IANA timezone of the weekly digest (Monday 08:00 there)." }),
      evidenceMaxAgeDays: z.int().meta({ description: "Days after which a component's last passing run is stale evidence." }),
      restricted: z.boolean().optional(),
      members: z.array(productMemberSchema).optional(),
    }),
  })
  .meta({ id: "ProductSettings" });
