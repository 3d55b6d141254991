import { z } from "zod";
import { userRoleSchema } from "@/lib/auth/schema";

export const productPatchSchema = z
  .object({
    /** A restricted product exists only for its members (and admins). */
    restricted: z.boolean(),
  })
  .strict();

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
