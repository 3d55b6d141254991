import type { IngestResult } from "@/lib/preflight/mutations";
import { isKnownArchitecture, versionText } from "@/lib/run-text";

/** One line per run, then what it did to the backlog; shared by `ingest` and `upload`. */
export function formatIngest(result: IngestResult): string {
  const lines: string[] = [];
  for (const run of result.runs) {
    const { passed, failed, errors } = run.counts;
    lines.push(
      `${run.duplicate ? "duplicate" : "new run"} ${run.id}: ${run.component ?? "unassigned"} ${run.arch} preflight ${versionText(run.preflightVersion)} — ${run.passed ? "PASSED" : "FAILED"} (${passed} passed, ${failed} failed, ${errors} errors)`,
    );
    if (!isKnownArchitecture(run.arch)) lines.push("  architecture not known — add cert-image.json or pass --arch");
    const diff = run.diff;
    if (diff.newlyFailed.length) lines.push(`  newly failed: ${diff.newlyFailed.join(", ")}`);
    if (diff.newlyErrored.length) lines.push(`  newly errored: ${diff.newlyErrored.join(", ")}`);
    if (diff.newlyPassed.length) lines.push(`  newly passed: ${diff.newlyPassed.join(", ")}`);
    for (const [what, keys] of Object.entries(run.items)) if (keys.length) lines.push(`  items ${what}: ${keys.join(", ")}`);
  }
  lines.push(...result.warnings.map((w) => `warning: ${w}`));
  return lines.join("\n");
}
