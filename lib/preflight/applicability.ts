// Which checks do not apply to a component, from its declared settings (preflight's
// GetContainerPolicyExceptions): privileged host access selects the root policy (no RunAsNonRoot);
// an approved scratch image selects a scratch policy (no BasedOnUbi, HasModifiedFiles,
// HasNoProhibitedPackages). A run made under a stricter policy reports those as not applicable.

const ROOT_EXEMPT = ["RunAsNonRoot"];
const SCRATCH_EXEMPT = ["BasedOnUbi", "HasModifiedFiles", "HasNoProhibitedPackages"];

export type ComponentSettings = { type: string; hostAccess: string; osContentType: string };

export function declaredPolicy(c: ComponentSettings): string {
  if (c.type === "operator_bundle") return "operator";
  const root = c.hostAccess === "privileged";
  const scratch = c.osContentType === "scratch";
  return scratch ? (root ? "scratch-root" : "scratch-nonroot") : root ? "root" : "container";
}

export function notApplicableChecks(c: ComponentSettings): Set<string> {
  if (c.type === "operator_bundle") return new Set();
  return new Set([...(c.hostAccess === "privileged" ? ROOT_EXEMPT : []), ...(c.osContentType === "scratch" ? SCRATCH_EXEMPT : [])]);
}
