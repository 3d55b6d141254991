"use client";

import { useState, useSyncExternalStore } from "react";
import { CommentBody } from "@/components/item-comment-body";
import { CommentForm } from "@/components/item-comment-form";
import { Button } from "@/components/ui/button";
import { useDeleteComment, useEditComment } from "@/lib/comments/client";
import type { CommentView } from "@/lib/comments/schema";
import { formatAge } from "@/lib/overview/relative-time";

const ABSOLUTE = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const absolute = (iso: string) => `${ABSOLUTE.format(new Date(iso))} UTC`;

// "5 minutes ago" needs the browser's clock: the server render (and hydration) shows the absolute
// time, then one shared ticker moves every relative time on the page each half minute.
let now = Date.now();
const listeners = new Set<() => void>();
let ticker: ReturnType<typeof setInterval> | undefined;
function subscribe(listener: () => void) {
  listeners.add(listener);
  if (!ticker) {
    now = Date.now();
    ticker = setInterval(() => {
      now = Date.now();
      for (const notify of listeners) notify();
    }, 30_000);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      clearInterval(ticker);
      ticker = undefined;
    }
  };
}

function RelativeTime({ iso }: { iso: string }) {
  const current = useSyncExternalStore(subscribe, () => now, () => null);
  return (
    <time dateTime={iso} title={absolute(iso)}>
      {current === null ? absolute(iso) : formatAge(iso, new Date(current))}
    </time>
  );
}

type Props = { comment: CommentView; product: string; itemKey: string };

/** One comment: author, age, "edited", the text; its author (or an admin) may edit or delete it. */
export function CommentEntry({ comment, product, itemKey }: Props) {
  const [mode, setMode] = useState<"view" | "edit" | "delete">("view");
  const edit = useEditComment(product, itemKey);
  const remove = useDeleteComment(product, itemKey);

  return (
    <li id={`comment-${comment.id}`} className="scroll-mt-4 border-l-2 border-line pl-3 target:bg-brand-50" data-testid="comment">
      <div className="flex flex-wrap items-baseline gap-x-2 text-sm">
        <strong>{comment.author.name}</strong>
        <span className="text-xs text-muted">
          <RelativeTime iso={comment.createdAt} />
          {comment.editedAt && <span title={`Edited ${absolute(comment.editedAt)}`}> · edited</span>}
        </span>
        {comment.canEdit && mode === "view" && (
          <span className="ml-auto flex gap-2">
            <Button variant="secondary" size="sm" onClick={() => { edit.reset(); setMode("edit"); }}>Edit</Button>
            <Button variant="danger" size="sm" onClick={() => { remove.reset(); setMode("delete"); }}>Delete</Button>
          </span>
        )}
      </div>
      {mode === "edit" ? (
        <div className="mt-2">
          <CommentForm
            label="Edit comment"
            submitLabel="Save"
            initial={comment.body}
            autoFocus
            pending={edit.isPending}
            error={edit.error?.message ?? null}
            onSubmit={async (body) => {
              await edit.mutateAsync({ id: comment.id, body });
              setMode("view");
            }}
            onCancel={() => setMode("view")}
          />
        </div>
      ) : (
        <div className="mt-1 break-words">
          <CommentBody body={comment.body} mentions={comment.mentions} product={product} />
        </div>
      )}
      {mode === "delete" && (
        <div role="group" aria-label="Confirm deletion" className="mt-2 rounded-md border border-red-300 bg-red-50 p-2 text-sm text-red-900">
          <p>Delete this comment? This cannot be undone.</p>
          {remove.error && <p role="alert" className="mt-1 font-medium">Not deleted: {remove.error.message}</p>}
          <div className="mt-2 flex items-center gap-2">
            <Button variant="danger" size="sm" disabled={remove.isPending} onClick={() => remove.mutate(comment.id)}>
              {remove.isPending ? "Deleting…" : "Delete comment"}
            </Button>
            <Button variant="secondary" size="sm" disabled={remove.isPending} onClick={() => setMode("view")}>Cancel</Button>
          </div>
        </div>
      )}
    </li>
  );
}
