// test_library.{version,commit} → what the dashboard stores. Source builds report "0.0.0" (or
// "unknown"), so their only identity is the commit; those are flagged devBuild.

export const PREFLIGHT_MODULE = "github.com/redhat-openshift-ecosystem/openshift-preflight";

export type ReleaseVersion = { major: number; minor: number; patch: number };

export type ToolVersion = {
  /** The release tag, or for dev builds the commit (or "unknown" when neither is recorded). */
  version: string;
  /** test_library.version exactly as written, null when absent. */
  reportedVersion: string | null;
  commit: string | null;
  devBuild: boolean;
};

const RELEASE = /^v?(\d{1,4})\.(\d{1,4})\.(\d{1,6})(?:[-+][0-9A-Za-z.+-]*)?$/;
const COMMIT = /^[0-9a-f]{7,40}$/i;

/** A real release number; null for dev builds (0.0.0), "unknown" and anything unrecognizable. */
export function parseReleaseVersion(text: string | null): ReleaseVersion | null {
  const match = text === null ? null : RELEASE.exec(text.trim());
  if (!match) return null;
  const version = { major: Number(match[1]), minor: Number(match[2]), patch: Number(match[3]) };
  return version.major === 0 && version.minor === 0 && version.patch === 0 ? null : version;
}

export function isAtLeast(version: ReleaseVersion, major: number, minor: number, patch = 0): boolean {
  if (version.major !== major) return version.major > major;
  if (version.minor !== minor) return version.minor > minor;
  return version.patch >= patch;
}

export function readToolVersion(reportedVersion: string | null, reportedCommit: string | null): ToolVersion {
  const commit = reportedCommit && COMMIT.test(reportedCommit.trim()) ? reportedCommit.trim().toLowerCase() : null;
  const release = parseReleaseVersion(reportedVersion);
  if (release && reportedVersion) {
    return { version: reportedVersion.trim().replace(/^v/, ""), reportedVersion, commit, devBuild: false };
  }
  return { version: commit ?? "unknown", reportedVersion, commit, devBuild: true };
}
