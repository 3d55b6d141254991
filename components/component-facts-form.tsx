"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { useUpdateComponent } from "@/lib/components/client";
import {
  CERTIFICATION_STATUS_LABELS,
  CERTIFICATION_STATUSES,
  HOST_ACCESS,
  OS_CONTENT_LABELS,
  OS_CONTENT_TYPES,
  type CertificationStatus,
} from "@/lib/components/schema";

type Facts = { certificationStatus: string; hostAccess: string; osContentType: string; owner: string | null; version: number; type: string };

/** What engineers maintain about a component: Red Hat's certification status, declarations, owner. */
export function ComponentFactsForm({ product, slug, facts }: { product: string; slug: string; facts: Facts }) {
  const update = useUpdateComponent(product, slug);
  const [certificationStatus, setStatus] = useState(facts.certificationStatus as CertificationStatus);
  const [hostAccess, setHostAccess] = useState(facts.hostAccess as (typeof HOST_ACCESS)[number]);
  const [osContentType, setOs] = useState(facts.osContentType as (typeof OS_CONTENT_TYPES)[number]);
  const [owner, setOwner] = useState(facts.owner ?? "");
  const container = facts.type === "container";
  const dirty =
    certificationStatus !== facts.certificationStatus || hostAccess !== facts.hostAccess || osContentType !== facts.osContentType || owner !== (facts.owner ?? "");

  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate({ version: facts.version, certificationStatus, ...(container && { hostAccess, osContentType }), owner: owner.trim() || null });
  };

  return (
    <form onSubmit={submit} className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5 lg:items-end" aria-label="Component details">
      <SelectField label="Red Hat certification status" name="certificationStatus" value={certificationStatus} onChange={(e) => setStatus(e.target.value as CertificationStatus)}>
        {CERTIFICATION_STATUSES.map((s) => (
          <option key={s} value={s}>{CERTIFICATION_STATUS_LABELS[s]}</option>
        ))}
      </SelectField>
      {container && (
        <>
          <SelectField label="Host access (declared)" name="hostAccess" value={hostAccess} onChange={(e) => setHostAccess(e.target.value as (typeof HOST_ACCESS)[number])}>
            {HOST_ACCESS.map((h) => (
              <option key={h} value={h}>{h === "privileged" ? "Privileged" : "Unprivileged"}</option>
            ))}
          </SelectField>
          <SelectField label="Base image (declared)" name="osContentType" value={osContentType} onChange={(e) => setOs(e.target.value as (typeof OS_CONTENT_TYPES)[number])}>
            {OS_CONTENT_TYPES.map((o) => (
              <option key={o} value={o}>{OS_CONTENT_LABELS[o]}</option>
            ))}
          </SelectField>
        </>
      )}
      <TextField label="Owner" name="owner" value={owner} maxLength={200} onChange={(e) => setOwner(e.target.value)} />
      <div>
        <Button type="submit" size="sm" disabled={!dirty || update.isPending}>{update.isPending ? "Saving…" : "Save details"}</Button>
      </div>
    </form>
  );
}
