"use client";

import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes } from "react";

const controlClass = "mt-1 w-full rounded-md border bg-white px-2 py-1.5 text-sm text-ink";

type Common = { label: string; name: string; error?: string; hint?: ReactNode; className?: string };

/** Label, control, hint and error wired together (aria-describedby, aria-invalid). */
function useFieldIds(error: string | undefined, hint: ReactNode) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return { id, describedBy, invalid: error ? true : undefined };
}

function Messages({ id, error, hint }: { id: string; error?: string; hint?: ReactNode }) {
  return (
    <>
      {hint && <p id={`${id}-hint`} className="mt-1 text-xs text-muted">{hint}</p>}
      {error && <p id={`${id}-error`} className="mt-1 text-xs font-medium text-red-700">{error}</p>}
    </>
  );
}

export function TextField({ label, error, hint, className = "", ...input }: Common & Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "className">) {
  const { id, describedBy, invalid } = useFieldIds(error, hint);
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-xs font-medium text-muted">{label}</label>
      <input id={id} aria-invalid={invalid} aria-describedby={describedBy} className={`${controlClass} ${error ? "border-red-600" : "border-line"}`} {...input} />
      <Messages id={id} error={error} hint={hint} />
    </div>
  );
}

export function SelectField({ label, error, hint, className = "", children, ...select }: Common & Omit<SelectHTMLAttributes<HTMLSelectElement>, "id" | "className">) {
  const { id, describedBy, invalid } = useFieldIds(error, hint);
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-xs font-medium text-muted">{label}</label>
      <select id={id} aria-invalid={invalid} aria-describedby={describedBy} className={`${controlClass} ${error ? "border-red-600" : "border-line"}`} {...select}>
        {children}
      </select>
      <Messages id={id} error={error} hint={hint} />
    </div>
  );
}
