import Link from "next/link";
import { Badge, type Tone } from "@/components/ui/badge";
import { itemUrl } from "@/lib/backlog/urls";
import { EVIDENCE, type Evidence, type MatrixRow } from "@/lib/requirements/matrix";

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

/** Every requirement of the component's type with its latest evidence; each row links to its item and run. */
export function RequirementMatrix({ rows, counts, product }: { rows: MatrixRow[]; counts: Record<Evidence, number>; product: string }) {
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
        <table className="w-full min-w-[40rem] text-left text-sm">
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
              <tr key={row.code} className="border-t border-line align-top" data-testid={`requirement-${row.code}`}>
                <th scope="row" className="py-2 pr-2 font-normal">
                  <span className="font-mono text-xs">{row.code}</span> {row.title}
                  <span className="block text-xs text-muted">{SEVERITY[row.severity] ?? row.severity} · verified by {row.verifiedBy}</span>
                </th>
                <td className="py-2 pr-2" data-testid={`evidence-${row.code}`}>
                  <EvidenceBadge evidence={row.evidence} />
                </td>
                <td className="py-2 pr-2 text-xs text-gray-700">{row.detail}</td>
                <td className="space-x-2 py-2 text-xs whitespace-nowrap">
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
