"use client";

import { CommentEntry } from "@/components/item-comment-entry";
import { CommentForm } from "@/components/item-comment-form";
import { LiveRefresh } from "@/components/live-refresh";
import { Card } from "@/components/ui/card";
import { useAddComment, useComments } from "@/lib/comments/client";
import type { CommentView } from "@/lib/comments/schema";

type Props = { product: string; itemKey: string; initial: CommentView[]; canComment: boolean };

/**
 * The conversation on an item, oldest first, kept live (other people's comments appear as they
 * are saved). Each write also lands in the item's history above.
 */
export function ItemComments({ product, itemKey, initial, canComment }: Props) {
  const { data: comments, error } = useComments(product, itemKey, initial);
  const add = useAddComment(product, itemKey);

  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <Card
        className="lg:col-span-2"
        title={`Comments${comments.length ? ` (${comments.length})` : ""}`}
        action={<LiveRefresh product={product} refreshPage={false} />}
      >
        <div className="space-y-4">
          {error && <p role="alert" className="text-sm text-red-700">Could not refresh the comments: {error.message}</p>}
          {comments.length === 0 ? (
            <p className="text-sm text-muted">No comments yet.</p>
          ) : (
            <ol className="space-y-4" data-testid="comments">
              {comments.map((comment) => (
                <CommentEntry key={comment.id} comment={comment} product={product} itemKey={itemKey} />
              ))}
            </ol>
          )}
          {canComment && (
            <CommentForm
              label="Comment"
              submitLabel="Comment"
              resetOnSuccess
              pending={add.isPending}
              error={add.error?.message ?? null}
              onSubmit={(body) => add.mutateAsync(body)}
            />
          )}
        </div>
      </Card>
    </div>
  );
}
