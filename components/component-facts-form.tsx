"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { useUpdateComponent } from "@/lib/components/client";
import {
  ARCHITECTURES,
  CERTIFICATION_STATUS_LABELS,
  CERTIFICATION_STATUSES,
  CONNECT_PROJECT_ID,
  HOST_ACCESS,
  OS_CONTENT_LABELS,
  OS_CONTENT_TYPES,
  type CertificationStatus,
} from "@/lib/components/schema";

type Facts = {
  certificationStatus: string;
  hostAccess: string;
  osContentType: string;
  owner: string | null;
  connectProjectId: string | null;
  architectures: string[];
  architecturesSetBy: string | null;
  references: { slug: string; name: string }[];
  version: number;
  type: string;
};

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

/**
 * What engineers maintain about a component: Red Hat's certification status, the declarations
 * preflight's policy follows, the owner, the Partner Connect project, the architectures every release
 * is checked on and, for a bundle, the images it references.
 */
/** `redHatSynced`: Red Hat's catalog owns the status and host access; the form says a different value here will not last. */
export function ComponentFactsForm({ product, slug, facts, images, redHatSynced = false }: { product: string; slug: string; facts: Facts; images: { slug: string; name: string }[]; redHatSynced?: boolean }) {
  const owned = redHatSynced ? "Set by Red Hat's catalog: a different value is replaced at the next sync (shown as a conflict)." : undefined;
  const update = useUpdateComponent(product, slug);
  const [certificationStatus, setStatus] = useState(facts.certificationStatus as CertificationStatus);
  const [hostAccess, setHostAccess] = useState(facts.hostAccess as (typeof HOST_ACCESS)[number]);
  const [osContentType, setOs] = useState(facts.osContentType as (typeof OS_CONTENT_TYPES)[number]);
  const [owner, setOwner] = useState(facts.owner ?? "");
  const [connectProjectId, setConnect] = useState(facts.connectProjectId ?? "");
  // Learned architectures are shown unticked: ticking any sets the list for good.
  const setArchitectures = facts.architecturesSetBy ? facts.architectures : [];
  const [architectures, setArchs] = useState<string[]>(setArchitectures);
  const ownReferences = facts.references.map((r) => r.slug);
  const [references, setReferences] = useState<string[]>(ownReferences);
  const container = facts.type === "container";
  const bundle = facts.type === "operator_bundle";
  const connectError = connectProjectId.trim() && !CONNECT_PROJECT_ID.test(connectProjectId.trim()) ? "24 hexadecimal characters, as in Partner Connect's address." : undefined;

  const changes = {
    ...(certificationStatus !== facts.certificationStatus && { certificationStatus }),
    ...(container && hostAccess !== facts.hostAccess && { hostAccess }),
    ...(container && osContentType !== facts.osContentType && { osContentType }),
    ...(owner !== (facts.owner ?? "") && { owner: owner.trim() || null }),
    ...(connectProjectId.trim() !== (facts.connectProjectId ?? "") && { connectProjectId: connectProjectId.trim() || null }),
    ...(!sameSet(architectures, setArchitectures) && { architectures: architectures.length ? ARCHITECTURES.filter((a) => architectures.includes(a)) : null }),
    ...(bundle && !sameSet(references, ownReferences) && { references }),
  };
  const dirty = Object.keys(changes).length > 0;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (connectError) return;
    update.mutate({ version: facts.version, ...changes });
  };
  const toggle = (list: string[], value: string, on: boolean) => (on ? [...list, value] : list.filter((v) => v !== value));

  return (
    <form onSubmit={submit} className="space-y-3" aria-label="Component details">
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4 lg:items-end">
        <SelectField label="Red Hat certification status" name="certificationStatus" value={certificationStatus} onChange={(e) => setStatus(e.target.value as CertificationStatus)} hint={owned}>
          {CERTIFICATION_STATUSES.map((s) => (
            <option key={s} value={s}>{CERTIFICATION_STATUS_LABELS[s]}</option>
          ))}
        </SelectField>
        {container && (
          <>
            <SelectField label="Host access (declared)" name="hostAccess" value={hostAccess} onChange={(e) => setHostAccess(e.target.value as (typeof HOST_ACCESS)[number])} hint={["Privileged selects preflight's root policy.", owned].filter(Boolean).join(" ")}>
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
        <TextField
          label="Partner Connect project id"
          name="connectProjectId"
          value={connectProjectId}
          maxLength={24}
          onChange={(e) => setConnect(e.target.value)}
          placeholder="24 hexadecimal characters"
          error={connectError}
          className="lg:col-span-2"
          hint="From connect.redhat.com/component/view/<id>; learned from a submitted run's preflight.log."
        />
      </div>
      <fieldset>
        <legend className="text-xs font-medium text-muted">Architectures every release is checked on</legend>
        <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm">
          {ARCHITECTURES.map((arch) => (
            <label key={arch} className="inline-flex items-center gap-1.5">
              <input type="checkbox" name="architectures" value={arch} checked={architectures.includes(arch)} onChange={(e) => setArchs(toggle(architectures, arch, e.target.checked))} />
              {arch}
            </label>
          ))}
        </div>
        <p className="mt-1 text-xs text-muted">
          {facts.architecturesSetBy
            ? `Set by ${facts.architecturesSetBy}; untick all to learn them from runs again.`
            : `Learned from runs${facts.architectures.length ? ` (${facts.architectures.join(", ")})` : ""} until you tick them; verification then waits for each.`}
        </p>
      </fieldset>
      {bundle && (
        <fieldset>
          <legend className="text-xs font-medium text-muted">Images this bundle references (OPB-01 waits for each to be published)</legend>
          <div className="mt-1 grid gap-1 text-sm sm:grid-cols-2 lg:grid-cols-3">
            {images.map((image) => (
              <label key={image.slug} className="inline-flex items-center gap-1.5">
                <input type="checkbox" name="references" value={image.slug} checked={references.includes(image.slug)} onChange={(e) => setReferences(toggle(references, image.slug, e.target.checked))} />
                {image.name}
              </label>
            ))}
          </div>
          {references.length === 0 && <p className="mt-1 text-xs text-muted">None ticked: the components its phases are gated on stand in.</p>}
        </fieldset>
      )}
      <Button type="submit" size="sm" disabled={!dirty || update.isPending || Boolean(connectError)}>{update.isPending ? "Saving…" : "Save details"}</Button>
    </form>
  );
}
