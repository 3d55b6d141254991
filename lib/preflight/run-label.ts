import { architectureText, versionText } from "@/lib/run-text";

/** A run as a person names it: its tag and architecture, and the start of its digest ("v0.1.5 (amd64) · 1a2b3c"). */
export function runLabel(run: { imageTag: string | null; imageDigest: string | null; architecture: string }): string {
  const hex = run.imageDigest?.replace(/^sha256:/, "").slice(0, 6);
  const name = `${versionText(run.imageTag)} (${architectureText(run.architecture)})`;
  return hex ? `${name} · ${hex}` : name;
}
