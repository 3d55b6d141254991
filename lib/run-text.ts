// How a run's identity reads to a person: versions and tags that are commits become "dev build
// (commit 1a2b3c4)", a missing architecture says how to supply it, and a run is named by what it
// tested ("Operator image v0.1.5 (amd64)"). Pure, for server and client alike.

// 7–40 hexadecimal characters with at least one letter: a number such as 20240101 is a build
// number, not a commit.
const COMMIT = /^(?=[0-9]*[a-f])[0-9a-f]{7,40}$/i;

export function isCommitHash(text: string): boolean {
  return COMMIT.test(text.trim());
}

/** A version or tag as shown: a commit hash reads "dev build (commit 1a2b3c4)", anything else as written. */
export function versionText(version: string | null | undefined, fallback = "untagged"): string {
  const text = version?.trim();
  if (!text) return fallback;
  return isCommitHash(text) ? `dev build (commit ${text.slice(0, 7).toLowerCase()})` : text;
}

/** The preflight version of a run: its release, or a dev build named by its commit when it has one. */
export function preflightVersionText(run: { preflightVersion: string; devBuild: boolean }): string {
  if (!run.devBuild) return run.preflightVersion;
  return isCommitHash(run.preflightVersion) ? versionText(run.preflightVersion) : "dev build (commit not recorded)";
}

/** "preflight 1.21.0", "preflight dev build (commit 703ac27)". */
export const preflightText = (run: { preflightVersion: string; devBuild: boolean }) => `preflight ${preflightVersionText(run)}`;

/** Runs stored without an architecture carry "unknown" (the duplicate check needs a value). */
export function isKnownArchitecture(architecture: string | null | undefined): architecture is string {
  return !!architecture && architecture !== "unknown";
}

export const ARCHITECTURE_HINT = "add cert-image.json or arch=";

/** "short" fits tight places (grid headers, lists); "full" says what to do, where a person can act. */
export function architectureText(architecture: string | null | undefined, form: "short" | "full" = "short"): string {
  if (isKnownArchitecture(architecture)) return architecture;
  return form === "full" ? `architecture not known — ${ARCHITECTURE_HINT}` : "architecture not known";
}

export type RunIdentity = { component: string | null; tag: string | null; architecture: string };

/** "Operator image v0.1.5 (amd64)": the component, the tag it tested and the architecture. */
export function runName(run: RunIdentity): string {
  const what = run.component ?? "Unassigned run";
  const tag = run.tag ? ` ${versionText(run.tag)}` : "";
  return `${what}${tag} (${architectureText(run.architecture)})`;
}

/** The short id people see for a run ("1a2b3c4d"), as in its actor name. */
export const shortRunId = (id: string) => id.slice(0, 8);

/** A run as a person names it: its tag and architecture, and the start of its digest ("v0.1.5 (amd64) · 1a2b3c"). */
export function runLabel(run: { imageTag: string | null; imageDigest: string | null; architecture: string }): string {
  const hex = run.imageDigest?.replace(/^sha256:/, "").slice(0, 6);
  const name = `${versionText(run.imageTag)} (${architectureText(run.architecture)})`;
  return hex ? `${name} · ${hex}` : name;
}
