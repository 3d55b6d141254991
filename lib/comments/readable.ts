import { assertReadableStructure } from "@/lib/backlog/document-text";
import { AppError } from "@/lib/errors";

// Some markdown shapes cost the parser the square of their length or overflow its stack (a
// paragraph of thousands of `*a`, quotes nested thousands deep): a 20,000-character comment of
// them would hold the server for seconds on every write and every view of the item. The import's
// linear screen (lib/backlog/document-text.ts) refuses them before anything parses the text.

/** Throws 422 `not_markdown` for a comment the markdown parser must not be given. */
export function assertReadableComment(body: string): void {
  try {
    assertReadableStructure(body);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    // The screen speaks of backlog documents; say the same of a comment.
    const reason = error.message.replace(/^The document/, "The comment").replace(/; a backlog document [^.;]*/, "");
    throw new AppError("not_markdown", `This comment cannot be shown as markdown. ${reason}`);
  }
}
