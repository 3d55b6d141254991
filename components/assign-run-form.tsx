"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { ApiError } from "@/lib/api-client";
import { itemUrl } from "@/lib/backlog/urls";
import { assignRun, type UploadResult } from "@/lib/preflight/client";

const CREATE = "__create__";

/** The refusal in the form's own words: which repository the run is of, and which one the component is. */
function mismatchSentence(error: ApiError, name: string): string {
  const details = error.details as { componentRepository?: string; runRepository?: string } | undefined;
  if (!details?.componentRepository || !details.runRepository) return error.message;
  return `This run is of ${details.runRepository}, but ${name} is registered for ${details.componentRepository}. Nothing was attached.`;
}

type Props = {
  product?: string;
  runId: string;
  image: string;
  components: { slug: string; name: string }[];
  /** Given, the parent shows the outcome (it outlives this form, which the refreshed page drops); otherwise the form does. */
  onAssigned?: (result: UploadResult) => void;
};

/** What an assignment did, with a link to each item it changed. */
export function AssignResult({ result, product }: { result: UploadResult; product?: string }) {
  const run = result.runs[0];
  const changed = run ? [...run.items.opened, ...run.items.reopened, ...run.items.verified, ...run.items.flagged] : [];
  return (
    <p role="status" className="text-sm text-green-800" data-testid="assign-result">
      Assigned to {run?.component}.{" "}
      {changed.length === 0
        ? "It changed no item."
        : (
            <>
              Items it changed:{" "}
              {changed.map((key) => (
                <Link key={key} href={itemUrl(key, product)} className="mr-1 font-mono text-xs text-blue-700 underline">{key}</Link>
              ))}
            </>
          )}
    </p>
  );
}

/**
 * Attaches an unassigned run: to a component chosen here, or to a new one made from its image. A
 * component registered for another repository refuses it; the form then offers to attach it anyway,
 * which the run remembers.
 */
export function AssignRunForm({ product, runId, image, components, onAssigned }: Props) {
  const id = useId();
  const router = useRouter();
  const [target, setTarget] = useState("");
  const [mismatch, setMismatch] = useState<string | null>(null);
  const [force, setForce] = useState(false);
  const [result, setResult] = useState<UploadResult | null>(null);
  const assign = useMutation({
    mutationFn: () => assignRun(product, runId, target === CREATE ? { createComponent: true } : { component: target, ...(force && { force: true }) }),
    onSuccess: (answer) => {
      if (onAssigned) onAssigned(answer);
      else setResult(answer);
      toast.success(`Run assigned to ${answer.runs[0]?.component ?? "its component"}.`);
      router.refresh();
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === "image_mismatch") setMismatch(mismatchSentence(error, components.find((c) => c.slug === target)?.name ?? target));
      else toast.error(`The run was not assigned: ${error.message}`);
    },
  });

  if (result) return <AssignResult result={result} product={product} />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (target) assign.mutate();
  };

  return (
    <form onSubmit={submit} className="flex flex-wrap items-end gap-2" aria-label={`Assign the run of ${image}`} data-testid={`assign-${runId}`}>
      <div>
        <label htmlFor={`${id}-component`} className="block text-xs font-medium text-muted">Evidence for</label>
        <select
          id={`${id}-component`}
          value={target}
          onChange={(e) => {
            setTarget(e.target.value);
            setMismatch(null);
            setForce(false);
          }}
          className="mt-1 rounded-md border border-line bg-white px-2 py-1.5 text-sm"
        >
          <option value="">Choose a component…</option>
          <option value={CREATE}>A new component for this image</option>
          {components.map((c) => (
            <option key={c.slug} value={c.slug}>{c.name}</option>
          ))}
        </select>
      </div>
      {mismatch && (
        <div role="alert" className="basis-full rounded-md border border-amber-300 bg-amber-50 p-2 text-sm text-amber-900">
          <p>{mismatch}</p>
          <label className="mt-1 inline-flex items-center gap-1.5">
            <input type="checkbox" checked={force} onChange={(e) => setForce(e.target.checked)} />
            Attach it anyway: I know this run is evidence for that component (the run will say so).
          </label>
        </div>
      )}
      <Button type="submit" size="sm" disabled={!target || assign.isPending || (mismatch !== null && !force)}>
        {assign.isPending ? "Assigning…" : "Assign"}
      </Button>
    </form>
  );
}
