import type { ReactNode } from "react";
import { CheckOutcomeBadge } from "@/components/run-badges";
import { Badge } from "@/components/ui/badge";

export type RunCheckView = {
  name: string;
  canonicalName: string;
  known: boolean;
  outcome: string;
  elapsedMs: number | null;
  description: string | null;
  help: string | null;
  suggestion: string | null;
  knowledgebaseUrl: string | null;
  checkUrl: string | null;
};

/** Texts come from an uploaded file: a link only for plain http(s) addresses, never javascript: or data:. */
function safeUrl(value: string | null): string | null {
  if (!value || !/^https?:\/\//i.test(value)) return null;
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

function External({ href, children }: { href: string; children: ReactNode }) {
  return (
    <a href={href} target="_blank" rel="noopener noreferrer" className="text-blue-700 underline">
      {children}
      <span className="sr-only"> (opens in a new tab)</span>
    </a>
  );
}

function Text({ label, value }: { label: string; value: string | null }) {
  if (!value) return null;
  return (
    <p className="break-words whitespace-pre-line">
      <span className="font-medium">{label}:</span> {value}
    </p>
  );
}

// What needs attention first; getRun orders alphabetically by outcome.
const RANK: Record<string, number> = { failed: 0, errored: 1, warned: 2, passed: 3 };
const byAttention = (a: RunCheckView, b: RunCheckView) => (RANK[a.outcome] ?? 4) - (RANK[b.outcome] ?? 4) || a.canonicalName.localeCompare(b.canonicalName);

const elapsed = (ms: number | null) => (ms === null ? "—" : ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`);

/** Every check of the run, as preflight described it (rendered as text). */
export function RunChecksTable({ checks }: { checks: RunCheckView[] }) {
  if (checks.length === 0) return <p className="text-sm text-muted">This run has no checks.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <thead className="bg-gray-50 text-xs uppercase text-muted">
          <tr>
            <th scope="col" className="px-3 py-2">Outcome</th>
            <th scope="col" className="min-w-48 px-3 py-2">Check</th>
            <th scope="col" className="px-3 py-2 text-right">Time</th>
            <th scope="col" className="px-3 py-2">Details</th>
          </tr>
        </thead>
        <tbody>
          {[...checks].sort(byAttention).map((check, index) => {
            const kb = safeUrl(check.knowledgebaseUrl);
            const doc = safeUrl(check.checkUrl);
            return (
              <tr key={`${check.name}-${index}`} id={`check-${check.canonicalName}`} className="scroll-mt-4 border-t border-line align-top target:bg-amber-50" data-testid="run-check">
                <td className="px-3 py-2"><CheckOutcomeBadge outcome={check.outcome} /></td>
                <td className="px-3 py-2">
                  <p className="font-mono text-xs break-words">{check.name}</p>
                  {check.canonicalName !== check.name && <p className="text-xs text-muted break-all">now called <span className="font-mono">{check.canonicalName}</span></p>}
                  {!check.known && <Badge tone="gray" title="A check this Certboard does not know (a newer preflight?)">unknown check</Badge>}
                </td>
                <td className="px-3 py-2 text-right whitespace-nowrap tabular-nums">{elapsed(check.elapsedMs)}</td>
                <td className="max-w-xl space-y-1 px-3 py-2 text-xs">
                  {check.description && <p className="break-words whitespace-pre-line">{check.description}</p>}
                  <Text label="Help" value={check.help} />
                  <Text label="Suggestion" value={check.suggestion} />
                  {!kb && <Text label="Knowledge base" value={check.knowledgebaseUrl} />}
                  {!doc && <Text label="Check documentation" value={check.checkUrl} />}
                  {(kb || doc) && (
                    <p className="space-x-3">
                      {kb && <External href={kb}>Knowledge base</External>}
                      {doc && <External href={doc}>Check documentation</External>}
                    </p>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
