import { formatBytes } from "@/lib/preflight/upload-plan";
import type { UploadRowState } from "@/components/upload-queue";
import { UploadRunResult } from "@/components/upload-run-result";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ProgressBar } from "@/components/ui/progress-bar";

const STATUS_TEXT = {
  queued: "Waiting",
  uploading: "Uploading",
  processing: "Reading results…",
  failed: "Not stored",
  skipped: "Not uploaded",
} as const;

function describe(row: UploadRowState): string {
  const { plan } = row;
  if (plan.kind === "archive") return `archive, ${formatBytes(plan.bytes)}`;
  if (plan.kind === "folder") return `folder, ${plan.files.length} ${plan.files.length === 1 ? "file" : "files"}, ${formatBytes(plan.bytes)}`;
  if (plan.kind === "results") return plan.files.length > 1 ? `${plan.files.length} files, ${formatBytes(plan.bytes)}` : formatBytes(plan.bytes);
  return "";
}

type Props = { row: UploadRowState; onRetry: (id: number) => void; onCancel: (id: number) => void };

export function UploadRow({ row, onRetry, onCancel }: Props) {
  const { plan, target, status } = row;
  const label = plan.label;
  const runs = row.result?.runs ?? [];
  const doneText = runs.length > 0 && runs.every((run) => run.duplicate) ? "Already stored" : `Stored (${runs.length} ${runs.length === 1 ? "run" : "runs"})`;
  return (
    <li className="space-y-2 rounded-lg border border-line bg-white p-3" data-testid="upload-row" data-status={status}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <p className="min-w-0 text-sm">
          <span className="font-medium break-all">{label}</span> <span className="text-muted">{describe(row)}</span>
        </p>
        <div className="flex items-center gap-2">
          <span className={`text-xs font-medium ${status === "failed" ? "text-red-800" : status === "done" ? "text-green-800" : "text-muted"}`}>
            {status === "done" ? doneText : STATUS_TEXT[status]}
          </span>
          {(status === "queued" || status === "uploading") && (
            <Button variant="secondary" size="sm" onClick={() => onCancel(row.id)} aria-label={`Cancel upload of ${label}`}>Cancel</Button>
          )}
          {status === "failed" && row.retryable && (
            <Button variant="secondary" size="sm" onClick={() => onRetry(row.id)} aria-label={`Retry upload of ${label}`}>Retry</Button>
          )}
        </div>
      </div>
      {(target.component || target.arch) && status !== "skipped" && (
        <p className="text-xs text-muted">
          {target.component && <>Component <span className="font-mono">{target.component}</span> </>}
          {target.arch && <>Architecture <span className="font-mono">{target.arch}</span></>}
        </p>
      )}
      {status === "uploading" && (
        <div className="space-y-1">
          <ProgressBar value={row.total > 0 ? row.loaded / row.total : 0} label={`Uploading ${label}`} />
          <p className="text-xs text-muted">
            {formatBytes(row.loaded)} of {formatBytes(row.total)}
          </p>
        </div>
      )}
      {status === "processing" && (
        <div className="space-y-1">
          <ProgressBar value={1} label={`Uploaded ${label}`} />
          <p className="text-xs text-muted">Sent; Certboard is reading the results and updating the backlog.</p>
        </div>
      )}
      {status === "failed" && (
        <Alert title={`${label} was not stored`}>{row.error}</Alert>
      )}
      {status === "skipped" && plan.kind === "skipped" && <Alert tone="warning" title={`${label} was not uploaded`}>{plan.problem}</Alert>}
      {(plan.kind === "folder" || plan.kind === "results") && plan.files.length > 1 && status !== "done" && (
        <p className="text-xs text-muted">
          Sending: {plan.files.map((f) => f.name).join(", ")}
        </p>
      )}
      {plan.kind === "folder" && plan.ignored.length > 0 && (
        <details className="text-xs text-muted">
          <summary className="cursor-pointer">{plan.ignored.length} other {plan.ignored.length === 1 ? "file" : "files"} not sent</summary>
          <p className="mt-1 break-all">{plan.ignored.join(", ")}</p>
        </details>
      )}
      {row.result && row.result.warnings.length > 0 && (
        <Alert tone="warning" title="Warnings">
          <ul className="list-disc pl-5">
            {row.result.warnings.map((w, i) => <li key={i} className="break-words">{w}</li>)}
          </ul>
        </Alert>
      )}
      {row.result?.runs.map((run) => <UploadRunResult key={`${run.id}-${run.arch}`} run={run} product={target.product} />)}
      {row.result && row.result.runs.length === 0 && <p className="text-sm text-muted">The server stored no run from this upload.</p>}
    </li>
  );
}
