"use client";

import { useState, type FormEvent } from "react";
import { Markdown } from "@/components/markdown";
import { Badge, type Tone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DateText } from "@/components/ui/date-text";
import { SelectField, TextField } from "@/components/ui/field";
import { useSaveException } from "@/lib/exceptions/client";
import {
  EXCEPTION_KIND_LABELS,
  EXCEPTION_STATUS_LABELS,
  EXCEPTION_STATUSES,
  MAX_JUSTIFICATION,
  type ExceptionKind,
  type ExceptionStatus,
  type ExceptionView,
} from "@/lib/exceptions/schema";

const STATUS_TONE: Record<ExceptionStatus, Tone> = { draft: "gray", requested: "blue", approved: "green", denied: "red" };

type Props = { product: string; slug: string; kind: ExceptionKind; exception: ExceptionView | null; canEdit: boolean };

/** One privileged or scratch exception: its record, and for engineers a form to file, request or record Red Hat's decision. */
export function ExceptionCard({ product, slug, kind, exception, canEdit }: Props) {
  const save = useSaveException(product, slug, kind);
  const [editing, setEditing] = useState(false);
  const [status, setStatus] = useState<ExceptionStatus>(exception?.status ?? "draft");
  const [caseRef, setCaseRef] = useState(exception?.caseRef ?? "");
  const [justification, setJustification] = useState(exception?.justification ?? "");
  const title = `${EXCEPTION_KIND_LABELS[kind]} exception`;
  const headingId = `exception-${kind}`;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      { ...(exception && { version: exception.version }), status, caseRef: caseRef.trim() || null, justification },
      { onSuccess: () => setEditing(false) },
    );
  };
  const decide = (next: ExceptionStatus) => exception && save.mutate({ version: exception.version, status: next });

  return (
    <section aria-labelledby={headingId} className="rounded-lg border border-line p-3 text-sm" data-testid={`exception-${kind}`}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id={headingId} className="font-medium">{title}</h3>
        <span data-testid={`exception-${kind}-status`}>
          {exception ? <Badge tone={STATUS_TONE[exception.status]}>{EXCEPTION_STATUS_LABELS[exception.status]}</Badge> : <Badge>Not filed</Badge>}
        </span>
      </div>
      {exception && !editing && (
        <div className="mt-2 space-y-2">
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-xs">
            <dt className="text-muted">Red Hat case</dt>
            <dd>{exception.caseRef ?? <span className="text-muted">none yet</span>}</dd>
            <dt className="text-muted">Requested</dt>
            <dd><DateText iso={exception.requestedAt} /></dd>
            <dt className="text-muted">Decided</dt>
            <dd>
              <DateText iso={exception.decidedAt} empty="not yet" />
              {exception.decidedBy && ` by ${exception.decidedBy}`}
            </dd>
          </dl>
          {exception.justification ? <Markdown>{exception.justification}</Markdown> : <p className="text-xs text-muted">No justification written yet.</p>}
        </div>
      )}
      {canEdit && !editing && (
        <div className="mt-3 flex flex-wrap gap-2">
          {exception?.status === "requested" && (
            <>
              <Button size="sm" onClick={() => decide("approved")} disabled={save.isPending}>Record approval</Button>
              <Button size="sm" variant="danger" onClick={() => decide("denied")} disabled={save.isPending}>Record denial</Button>
            </>
          )}
          <Button size="sm" variant="secondary" onClick={() => setEditing(true)}>{exception ? "Edit" : `File a ${kind} exception`}</Button>
        </div>
      )}
      {canEdit && editing && (
        <form onSubmit={submit} className="mt-3 space-y-3">
          <div className="grid gap-3 sm:grid-cols-2">
            <SelectField label="Status" name="status" value={status} onChange={(e) => setStatus(e.target.value as ExceptionStatus)}>
              {EXCEPTION_STATUSES.map((s) => (
                <option key={s} value={s}>{EXCEPTION_STATUS_LABELS[s]}</option>
              ))}
            </SelectField>
            <TextField label="Red Hat case reference" name="caseRef" value={caseRef} maxLength={64} onChange={(e) => setCaseRef(e.target.value)} hint="e.g. 04012345" />
          </div>
          <div>
            <label htmlFor={`${headingId}-justification`} className="block text-xs font-medium text-muted">Justification (markdown)</label>
            <textarea
              id={`${headingId}-justification`}
              name="justification"
              rows={6}
              maxLength={MAX_JUSTIFICATION}
              value={justification}
              onChange={(e) => setJustification(e.target.value)}
              aria-describedby={`${headingId}-justification-hint`}
              className="mt-1 w-full rounded-md border border-line bg-white px-2 py-1.5 font-mono text-sm"
            />
            <p id={`${headingId}-justification-hint`} className="mt-1 text-xs text-muted">
              Why the image needs it; a requested or approved exception needs one. {justification.length}/{MAX_JUSTIFICATION}
            </p>
          </div>
          <div className="flex gap-2">
            <Button type="submit" size="sm" disabled={save.isPending}>{save.isPending ? "Saving…" : "Save exception"}</Button>
            <Button size="sm" variant="secondary" onClick={() => setEditing(false)} disabled={save.isPending}>Cancel</Button>
          </div>
        </form>
      )}
    </section>
  );
}
