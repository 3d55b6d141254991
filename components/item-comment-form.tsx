"use client";

import { useId, useState, type KeyboardEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { MAX_COMMENT_LENGTH } from "@/lib/comments/schema";

type Props = {
  label: string;
  submitLabel: string;
  initial?: string;
  /** Saves the text; throws when it was not saved (the error is shown from `error`). */
  onSubmit: (body: string) => Promise<unknown>;
  pending: boolean;
  error: string | null;
  /** Empties the field once saved (a new comment), rather than keeping it (an edit closes instead). */
  resetOnSuccess?: boolean;
  onCancel?: () => void;
  autoFocus?: boolean;
};

/** Markdown text with a submit button; Ctrl+Enter or ⌘+Enter submits, Escape cancels an edit. */
export function CommentForm({ label, submitLabel, initial = "", onSubmit, pending, error, resetOnSuccess = false, onCancel, autoFocus }: Props) {
  const [text, setText] = useState(initial);
  const id = useId();
  const length = text.trim().length;
  const tooLong = length > MAX_COMMENT_LENGTH;
  const canSend = length > 0 && !tooLong && !pending;

  const send = async () => {
    if (!canSend) return;
    try {
      await onSubmit(text.trim());
      if (resetOnSuccess) setText("");
    } catch {
      // Kept as typed; the caller shows why it was not saved.
    }
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void send();
    } else if (event.key === "Escape" && onCancel) {
      event.preventDefault();
      onCancel();
    }
  };

  return (
    <form
      className="space-y-2"
      aria-busy={pending}
      onSubmit={(event) => {
        event.preventDefault();
        void send();
      }}
    >
      <label htmlFor={id} className="block text-xs font-medium text-muted">{label}</label>
      <textarea
        id={id}
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
        readOnly={pending}
        rows={3}
        autoFocus={autoFocus}
        aria-invalid={tooLong || undefined}
        aria-describedby={`${id}-hint`}
        className={`w-full rounded-md border bg-white px-2 py-1.5 text-sm text-ink read-only:opacity-70 ${tooLong ? "border-red-600" : "border-line"}`}
      />
      <p id={`${id}-hint`} className={`text-xs ${tooLong ? "font-medium text-red-700" : "text-muted"}`}>
        {tooLong
          ? `${length.toLocaleString("en-US")} characters: a comment holds at most ${MAX_COMMENT_LENGTH.toLocaleString("en-US")}.`
          : "Markdown. @name mentions a person. Ctrl+Enter (⌘+Enter) sends."}
      </p>
      {error && <Alert title="Not saved">{error}</Alert>}
      <div className="flex items-center gap-2">
        <Button type="submit" size="sm" disabled={!canSend}>{submitLabel}</Button>
        {onCancel && (
          <Button variant="secondary" size="sm" onClick={onCancel} disabled={pending}>Cancel</Button>
        )}
        <span aria-live="polite" className="text-xs text-muted">{pending ? "Saving…" : ""}</span>
      </div>
    </form>
  );
}
