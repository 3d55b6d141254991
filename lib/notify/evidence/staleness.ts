import { preflightVersionWarning } from "@/lib/preflight/releases";
import { parseReleaseVersion } from "@/lib/preflight/tool-version";

// When a component's evidence is stale (evidence.stale): its last passing preflight run is older
// than the product's evidenceMaxAgeDays, or its newest run was made with a preflight older than the
// last three releases (lib/preflight/releases.ts). A component never run, or never passing, has no
// evidence to go stale: its failures are told by run.failed.

const DAY_MS = 86_400_000;

export type EvidenceFacts = { lastPassingAt: Date | null; newestRunVersion: string | null };

/** Why the evidence is stale, or null when it is fresh. */
export function staleEvidenceReason(facts: EvidenceFacts, maxAgeDays: number, now: Date): string | null {
  if (facts.lastPassingAt && now.getTime() - facts.lastPassingAt.getTime() > maxAgeDays * DAY_MS) {
    const days = Math.floor((now.getTime() - facts.lastPassingAt.getTime()) / DAY_MS);
    return `its last passing preflight run is ${days} days old (${facts.lastPassingAt.toISOString().slice(0, 10)}); evidence older than ${maxAgeDays} days is stale.`;
  }
  // A development build cannot be matched to a release, so it is not "older" than one.
  if (facts.newestRunVersion && parseReleaseVersion(facts.newestRunVersion)) return preflightVersionWarning(facts.newestRunVersion);
  return null;
}
