import { Markdown } from "@/components/markdown";
import { remarkMentions, type MentionUser } from "@/lib/comments/mentions";

/** A comment's markdown, sanitized, with each `@name` the server resolved linked to that person's work. */
export function CommentBody({ body, mentions, product }: { body: string; mentions: MentionUser[]; product: string }) {
  return <Markdown remarkPlugins={[[remarkMentions, { users: mentions, product }]]}>{body}</Markdown>;
}
