import { z } from "zod";
import { userIdOf, type Principal } from "@/lib/auth/schema";
import type { MentionUser } from "./mentions";

// Comments on backlog items: wire shapes and who may change a comment. Safe on client and server.

export const MAX_COMMENT_LENGTH = 20_000;

/** POST and PATCH bodies: markdown, trimmed, 1..20,000 characters. */
export const commentInputSchema = z
  .object({
    body: z
      .string({ error: "Send the comment as `body`, a string." })
      .trim()
      .min(1, "Write something first: the comment is empty.")
      .max(MAX_COMMENT_LENGTH, `A comment holds at most ${MAX_COMMENT_LENGTH.toLocaleString("en-US")} characters.`),
  })
  .strict();
export type CommentInput = z.infer<typeof commentInputSchema>;

export const commentIdSchema = z.uuid();

export type CommentView = {
  id: string;
  /** The name the author had when writing (a person, or `token NAME`); `id` is the person's, if any. */
  author: { id: string | null; name: string };
  body: string;
  createdAt: string;
  editedAt: string | null;
  mentions: MentionUser[];
  /** Whether the caller may edit or delete it: their own, or they are an admin. */
  canEdit: boolean;
};

/** Admins moderate every comment; everyone else changes only their own. Tokens never moderate. */
export function mayChangeComment(principal: Principal, comment: { userId: string | null }): boolean {
  if (principal.kind === "user" && principal.role === "admin") return true;
  const me = userIdOf(principal);
  return me !== null && comment.userId === me;
}

export const commentViewSchema = z
  .object({
    id: z.string(),
    author: z.object({ id: z.string().nullable(), name: z.string() }),
    body: z.string(),
    createdAt: z.iso.datetime(),
    editedAt: z.iso.datetime().nullable(),
    mentions: z.array(z.object({ id: z.string(), name: z.string(), email: z.string() })),
    canEdit: z.boolean(),
  })
  .meta({ id: "Comment" });
