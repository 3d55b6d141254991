"use client";

import { useId, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { useSignOff, type SignOffTarget } from "@/lib/requirements/client";
import { SIGN_OFF_LABELS, SIGN_OFF_STATUSES, type SignOffStatus, type SignOffView } from "@/lib/requirements/schema";

type Props = { target: SignOffTarget; code: string; title: string; current: SignOffView | null };

/** A "Sign off" button that opens a small form: met / not met / not applicable, a note, a link, an expiry. */
export function SignOffControl({ target, code, title, current }: Props) {
  const [open, setOpen] = useState(false);
  const label = current ? "Change sign-off" : "Sign off";
  if (!open) {
    return (
      <Button size="sm" variant="secondary" className="!px-2 !py-0.5 !text-xs" onClick={() => setOpen(true)} aria-label={`${label} ${code}: ${title}`} data-testid={`sign-off-${code}`}>
        {label}
      </Button>
    );
  }
  return <SignOffForm target={target} code={code} title={title} current={current} onDone={() => setOpen(false)} />;
}

function SignOffForm({ target, code, title, current, onDone }: Props & { onDone: () => void }) {
  const id = useId();
  const signOff = useSignOff(target, code);
  const [status, setStatus] = useState<SignOffStatus>(current?.status ?? "met");
  const [note, setNote] = useState(current?.note ?? "");
  const [link, setLink] = useState(current?.link ?? "");
  const [expiresAt, setExpiresAt] = useState(current?.expiresAt?.slice(0, 10) ?? "");
  const noteMissing = status === "not_applicable" && note.trim() === "";
  const [touched, setTouched] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (noteMissing) return;
    signOff.mutate({ status, note: note.trim(), link: link.trim() || null, expiresAt: expiresAt || null }, { onSuccess: onDone });
  };

  return (
    <form onSubmit={submit} className="mt-2 w-full basis-full space-y-2 rounded-md border border-line bg-gray-50 p-3 text-left whitespace-normal" aria-label={`Sign off ${code}: ${title}`} data-testid={`sign-off-form-${code}`}>
      <fieldset>
        <legend className="text-xs font-medium text-muted">{code} is</legend>
        <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm">
          {SIGN_OFF_STATUSES.map((value) => (
            <label key={value} className="inline-flex items-center gap-1.5">
              <input type="radio" name={`${id}-status`} value={value} checked={status === value} onChange={() => setStatus(value)} />
              {SIGN_OFF_LABELS[value]}
            </label>
          ))}
        </div>
      </fieldset>
      <div>
        <label htmlFor={`${id}-note`} className="block text-xs font-medium text-muted">
          Note{status === "not_applicable" ? " (required: why it does not apply)" : ""}
        </label>
        <textarea
          id={`${id}-note`}
          rows={2}
          maxLength={4000}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          aria-invalid={touched && noteMissing ? true : undefined}
          aria-describedby={touched && noteMissing ? `${id}-note-error` : undefined}
          className={`mt-1 w-full rounded-md border bg-white px-2 py-1.5 text-sm ${touched && noteMissing ? "border-red-600" : "border-line"}`}
        />
        {touched && noteMissing && (
          <p id={`${id}-note-error`} className="mt-1 text-xs font-medium text-red-700">Say why {code} does not apply.</p>
        )}
      </div>
      <div className="grid gap-2 sm:grid-cols-2">
        <TextField label="Evidence link" name="link" type="url" value={link} onChange={(e) => setLink(e.target.value)} placeholder="https://connect.redhat.com/…" maxLength={2000} />
        <TextField label="Expires" name="expiresAt" type="date" value={expiresAt} onChange={(e) => setExpiresAt(e.target.value)} hint="Optional: it shows as stale after this date." />
      </div>
      {signOff.error && (
        <p role="alert" className="text-xs font-medium text-red-700">
          Not saved: {signOff.error.message}
        </p>
      )}
      <div className="flex gap-2">
        <Button type="submit" size="sm" disabled={signOff.isPending}>{signOff.isPending ? "Saving…" : "Save sign-off"}</Button>
        <Button size="sm" variant="secondary" onClick={onDone} disabled={signOff.isPending}>Cancel</Button>
      </div>
    </form>
  );
}
