import type { ReactNode } from "react";
import { RunCounts, RunPassedBadge, type RunCountsView } from "@/components/run-badges";
import { DateText } from "@/components/ui/date-text";
import { connectLinkKind } from "@/lib/preflight/submission";
import { architectureText, preflightVersionText } from "@/lib/run-text";

export type RunSummaryView = {
  id: string;
  component: { slug: string; name: string } | null;
  /** When a person attached the run, after it was stored unassigned. */
  assignedBy: string | null;
  assignedAt: string | null;
  submitted: boolean;
  submissionUrls: string[];
  imageRef: string;
  imageDigest: string | null;
  architecture: string;
  kind: string;
  policy: string | null;
  preflightVersion: string;
  preflightCommit: string | null;
  devBuild: boolean;
  passed: boolean;
  counts: RunCountsView;
  actor: string;
  createdAt: string;
  fileName: string | null;
  certificationHash: string | null;
};

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium text-muted">{label}</dt>
      <dd className="mt-0.5 text-sm break-words">{children}</dd>
    </div>
  );
}

const none = <span className="text-muted">—</span>;

/** The run's identity: what was tested, with which preflight, by whom, and the verdict. */
export function RunSummary({ run }: { run: RunSummaryView }) {
  return (
    <section className="rounded-lg border border-line bg-white p-4 shadow-sm" aria-labelledby="run-title">
      <div className="flex flex-wrap items-center gap-2">
        <h1 id="run-title" className="text-2xl font-semibold">
          {run.component?.name ?? "Unassigned run"} <span className="text-muted">· {architectureText(run.architecture)}</span>
        </h1>
        <RunPassedBadge passed={run.passed} />
      </div>
      <p className="mt-1 font-mono text-sm break-all">{run.imageRef || "(no image named)"}</p>
      <div className="mt-2">
        <RunCounts counts={run.counts} />
      </div>
      <dl className="mt-4 grid gap-x-6 gap-y-3 sm:grid-cols-2 lg:grid-cols-3">
        <Row label="Component">
          {run.component ? (
            <>
              {run.component.name} <span className="font-mono text-xs text-muted">({run.component.slug})</span>
              {run.assignedBy && (
                <span className="block text-xs text-muted">
                  assigned by {run.assignedBy}
                  {run.assignedAt && (
                    <>
                      {" "}on <DateText iso={run.assignedAt} withTime />
                    </>
                  )}
                </span>
              )}
            </>
          ) : (
            <span className="text-amber-800">Unassigned: evidence for no component yet</span>
          )}
        </Row>
        <Row label="Architecture">{architectureText(run.architecture, "full")}</Row>
        <Row label="Preflight">
          {preflightVersionText(run)}
          {run.preflightCommit && !run.devBuild && <span className="ml-1 font-mono text-xs text-muted">commit {run.preflightCommit.slice(0, 7)}</span>}
        </Row>
        <Row label="Policy">
          {run.policy ?? none} {run.kind !== run.policy && <span className="text-xs text-muted">({run.kind} run)</span>}
        </Row>
        <Row label="Uploaded by">{run.actor}</Row>
        <Row label="Uploaded at"><DateText iso={run.createdAt} withTime /></Row>
        <Row label="File">{run.fileName ? <span className="font-mono text-xs break-all">{run.fileName}</span> : none}</Row>
        <Row label="Image digest">{run.imageDigest ? <span className="font-mono text-xs break-all">{run.imageDigest}</span> : none}</Row>
        <Row label="Submitted to Red Hat">
          {run.submitted ? (
            <span>
              Yes
              {run.submissionUrls.map((url) => (
                <a key={url} href={url} className="ml-2 text-xs text-blue-700 hover:underline" rel="noreferrer noopener" target="_blank">
                  {connectLinkKind(url)}
                  <span className="sr-only"> on Partner Connect (opens in a new tab)</span>
                </a>
              ))}
            </span>
          ) : (
            "No"
          )}
        </Row>
        <Row label="Certification hash">{run.certificationHash ? <span className="font-mono text-xs break-all">{run.certificationHash}</span> : none}</Row>
      </dl>
    </section>
  );
}
