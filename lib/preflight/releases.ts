// Preflight releases Certboard knows (shared/docs/preflight-format.md reads the tool at 1.21.0),
// oldest first. Evidence from a release older than the last three is flagged as stale; add new
// releases here when they ship.
import { isAtLeast, parseReleaseVersion } from "@/lib/preflight/tool-version";

export const KNOWN_PREFLIGHT_RELEASES = ["1.15.2", "1.16.0", "1.17.0", "1.18.0", "1.19.0", "1.19.1", "1.19.2", "1.20.0", "1.21.0"] as const;

const RECENT = 3;

/** Null when the version is one of the last three releases (or newer); otherwise why it is stale. */
export function preflightVersionWarning(version: string, releases: readonly string[] = KNOWN_PREFLIGHT_RELEASES): string | null {
  const oldestRecent = parseReleaseVersion(releases[Math.max(0, releases.length - RECENT)] ?? null);
  const used = parseReleaseVersion(version);
  if (!oldestRecent) return null;
  if (!used) return `preflight ${version} is a development build: its checks cannot be matched to a release.`;
  if (isAtLeast(used, oldestRecent.major, oldestRecent.minor, oldestRecent.patch)) return null;
  const recent = releases.slice(-RECENT).join(", ");
  return `preflight ${version} is older than the last ${RECENT} releases (${recent}): run a current preflight before submitting.`;
}
