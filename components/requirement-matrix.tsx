import Link from "next/link";
import { SignOffControl } from "@/components/sign-off-form";
import { Badge, type Tone } from "@/components/ui/badge";
import { DateText } from "@/components/ui/date-text";
import { itemUrl } from "@/lib/backlog/urls";
import { certificationStatusText } from "@/lib/components/schema";
import { componentUrl } from "@/lib/overview/urls";
import { connectLinkKind } from "@/lib/preflight/submission";
import type { SignOffTarget } from "@/lib/requirements/client";
import { EVIDENCE, type Evidence, type MatrixRow } from "@/lib/requirements/matrix";
import { SIGN_OFF_LABELS, type SignOffView } from "@/lib/requirements/schema";

const EVIDENCE_VIEW: Record<Evidence, { label: string; tone: Tone; mark: string }> = {
  failed: { label: "Failed", tone: "red", mark: "✗" },
  errored: { label: "Errored", tone: "amber", mark: "!" },
  not_met: { label: "Not met", tone: "red", mark: "✗" },
  stale: { label: "Sign-off expired", tone: "amber", mark: "⌛" },
  not_requested: { label: "Exception not requested", tone: "amber", mark: "!" },
  needs_sign_off: { label: "Needs sign-off", tone: "blue", mark: "✎" },
  not_run: { label: "Not run", tone: "gray", mark: "○" },
  in_review: { label: "In review", tone: "blue", mark: "…" },
  attested: { label: "Attested", tone: "green", mark: "✓" },
  waived: { label: "Waived", tone: "purple", mark: "≈" },
  not_applicable: { label: "Not applicable", tone: "gray", mark: "–" },
  passed: { label: "Passed", tone: "green", mark: "✓" },
};

const SEVERITY: Record<string, string> = {
  auto: "automated gate",
  review: "Red Hat review",
  portal: "portal task",
  warn: "warning only",
  optional: "optional",
  maintenance: "after certification",
};

export function EvidenceBadge({ evidence }: { evidence: Evidence }) {
  const view = EVIDENCE_VIEW[evidence];
  return (
    <Badge tone={view.tone}>
      <span aria-hidden="true" className="mr-1">{view.mark}</span>
      {view.label}
    </Badge>
  );
}

/** Who signed a requirement off, when, why, where the evidence is, and until when. */
export function SignOffNote({ signOff }: { signOff: SignOffView }) {
  return (
    <p className="mt-1 text-xs text-muted" data-testid="sign-off-note">
      {SIGN_OFF_LABELS[signOff.status]} — {signOff.by}, <DateText iso={signOff.at} />
      {signOff.expiresAt && (
        <>
          {signOff.expired ? ", expired " : ", expires "}
          <DateText iso={signOff.expiresAt} />
        </>
      )}
      {signOff.link && (
        <>
          {" · "}
          <a href={signOff.link} className="text-blue-700 hover:underline" rel="noreferrer noopener" target="_blank">
            evidence<span className="sr-only"> for this sign-off (opens in a new tab)</span>
          </a>
        </>
      )}
    </p>
  );
}

/** The components a row's evidence is about (OPB-01's referenced images), each linked, settled ones ticked. */
function RowComponents({ row, product }: { row: MatrixRow; product: string }) {
  if (row.components.length === 0) return null;
  return (
    <ul className="mt-1 flex flex-wrap gap-x-3 gap-y-0.5 text-xs">
      {row.components.map((c) => (
        <li key={c.slug}>
          <span aria-hidden="true">{c.settled ? "✓ " : "○ "}</span>
          <Link href={componentUrl(c.slug, product)} className="text-blue-700 hover:underline">{c.name}</Link>
          <span className="sr-only">{c.settled ? " (done)" : ` (${certificationStatusText(c.certificationStatus).toLowerCase()})`}</span>
        </li>
      ))}
    </ul>
  );
}

const MATRIX_LINK_TEXT = { "test results": "Test results on Partner Connect", vulnerabilities: "Vulnerabilities", images: "Images on Partner Connect" } as const;

function RowLinks({ urls }: { urls: string[] }) {
  if (urls.length === 0) return null;
  return (
    <p className="mt-1 flex flex-wrap gap-x-3 text-xs">
      {urls.map((url) => (
        <a key={url} href={url} className="text-blue-700 hover:underline" rel="noreferrer noopener" target="_blank">
          {MATRIX_LINK_TEXT[connectLinkKind(url)]}
          <span className="sr-only"> (opens in a new tab)</span>
        </a>
      ))}
    </p>
  );
}

/** Every requirement of the component's type with its latest evidence; each row links to its item and run. */
export function RequirementMatrix({
  rows,
  counts,
  product,
  signOffTarget = null,
}: {
  rows: MatrixRow[];
  counts: Record<Evidence, number>;
  product: string;
  /** Where engineers sign rows off; null for readers. */
  signOffTarget?: SignOffTarget | null;
}) {
  if (rows.length === 0) return <p className="text-sm text-muted">No catalog requirements apply to this component type.</p>;
  return (
    <div className="space-y-3">
      <p className="flex flex-wrap gap-2 text-xs" data-testid="matrix-counts">
        {EVIDENCE.filter((e) => counts[e] > 0).map((e) => (
          <span key={e}>
            <EvidenceBadge evidence={e} /> <span className="tabular-nums">{counts[e]}</span>
          </span>
        ))}
      </p>
      <div className="overflow-x-auto">
        <table className="stack-table w-full text-left text-sm md:min-w-[40rem]">
          <caption className="sr-only">Requirement matrix: requirement, evidence, where it comes from, backlog item and run</caption>
          <thead className="text-xs text-muted">
            <tr>
              <th scope="col" className="py-1 pr-2 font-medium">Requirement</th>
              <th scope="col" className="py-1 pr-2 font-medium">Evidence</th>
              <th scope="col" className="py-1 pr-2 font-medium">Details</th>
              <th scope="col" className="py-1 font-medium">Item / run</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.code} id={`requirement-${row.code}`} className="scroll-mt-4 border-t border-line align-top target:bg-amber-50" data-testid={`requirement-${row.code}`}>
                <th scope="row" className="py-2 pr-2 font-normal">
                  <span className="font-mono text-xs">{row.code}</span> {row.title}
                  <span className="block text-xs text-muted">{SEVERITY[row.severity] ?? row.severity} · verified by {row.verifiedBy}</span>
                </th>
                <td className="py-2 pr-2" data-testid={`evidence-${row.code}`} data-label="Evidence">
                  <EvidenceBadge evidence={row.evidence} />
                </td>
                <td className="py-2 pr-2 text-xs text-gray-700" data-label="Details">
                  {row.detail}
                  {signOffTarget && row.signOffAllowed && (
                    <span className="ml-2 inline-block align-middle">
                      <SignOffControl target={signOffTarget} code={row.code} title={row.title} current={row.signOff} />
                    </span>
                  )}
                  <RowComponents row={row} product={product} />
                  <RowLinks urls={row.urls} />
                  {row.signOff && !row.signOffAllowed && (
                    <span className="mt-1 block text-muted">A sign-off is on record, but the evidence above decides this row.</span>
                  )}
                  {row.signOff && <SignOffNote signOff={row.signOff} />}
                </td>
                <td className="space-x-2 py-2 text-xs whitespace-nowrap" data-label="Item / run">
                  {row.item && (
                    <Link href={itemUrl(row.item.key, product)} className="font-mono text-blue-700 hover:underline">
                      {row.item.key}
                      <span className="sr-only"> ({row.item.open ? "open" : "closed"})</span>
                    </Link>
                  )}
                  {row.runId && (
                    <Link href={`/runs/${row.runId}`} className="text-blue-700 hover:underline">
                      run<span className="sr-only"> behind {row.code}</span>
                    </Link>
                  )}
                  {!row.item && !row.runId && <span className="text-muted">—</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
