import { identifyCheck } from "./check-catalogue";
import type { Policy, RunKind } from "./schema";
import { isAtLeast, type ReleaseVersion } from "./tool-version";

// results.json does not record the policy; the set of checks that ran tells it
// (shared/docs/preflight-format.md §4.4). U = canonical names of the known checks in the run:
//   1. no known check                                   → null (nothing to go on)
//   2. any operator-only check (DeployableByOLM, ValidateOperatorBundle, RequiredAnnotations,
//      Scorecard*, …)                                   → operator
//   3. HasNoProhibitedPackages ∈ U (the RPM checks ran): RunAsNonRoot ∉ U → root;
//      ≥1.13 without both trademark checks → konflux, which is Red Hat-internal and not a component
//      policy, so null with a warning; otherwise → container
//   4. no RPM checks: BasedOnUbi or HasModifiedFiles present → null (matches no policy);
//      RunAsNonRoot ∈ U → scratch-nonroot, otherwise → scratch-root

export type PolicyInference = { policy: Policy | null; kind: RunKind; warnings: string[] };

export function inferPolicy(
  checkNames: readonly string[],
  version: ReleaseVersion | null,
  hasCertificationHash: boolean,
): PolicyInference {
  const known = checkNames.map(identifyCheck).filter((identity) => identity.known);
  const names = new Set(known.map((identity) => identity.canonicalName));
  const warnings: string[] = [];
  const hasOperatorCheck = known.some((identity) => identity.scope === "operator");
  const hasContainerCheck = known.some((identity) => identity.scope === "container");

  let policy: Policy | null;
  if (names.size === 0) {
    policy = null;
  } else if (hasOperatorCheck) {
    if (hasContainerCheck) warnings.push("The run mixes operator and container checks; it is read as an operator run.");
    policy = "operator";
  } else if (names.has("HasNoProhibitedPackages")) {
    policy = rpmPolicy(names, version, warnings);
  } else if (names.has("BasedOnUbi") || names.has("HasModifiedFiles")) {
    warnings.push("The set of checks matches no preflight policy, so the policy is unknown.");
    policy = null;
  } else {
    policy = names.has("RunAsNonRoot") ? "scratch-nonroot" : "scratch-root";
  }

  const kind: RunKind = policy === "operator" || (policy === null && hasCertificationHash) ? "operator" : "container";
  if (hasCertificationHash && kind === "container") {
    warnings.push("A certification_hash is only written for operator bundles, but the checks are container checks.");
  }
  return { policy, kind, warnings };
}

function rpmPolicy(names: ReadonlySet<string>, version: ReleaseVersion | null, warnings: string[]): Policy | null {
  if (!names.has("RunAsNonRoot")) return "root";
  const trademarkChecks = names.has("HasNoProhibitedLabels") || names.has("HasProhibitedContainerName");
  if (version && isAtLeast(version, 1, 13) && !trademarkChecks) {
    warnings.push("The checks match the konflux policy (Red Hat internal builds), which is not a component policy.");
    return null;
  }
  return "container";
}

/**
 * Checks a complete run shows for a policy and release (§4.4), or null when the research gives
 * no count. Used to flag truncated or edited files, never to refuse them.
 */
export function expectedCheckCount(policy: Policy, version: ReleaseVersion): number | null {
  if (!isAtLeast(version, 1, 0)) return null;
  if (policy === "container") return containerCount(version);
  // The root policy (container minus RunAsNonRoot) arrived in 1.1.0.
  if (policy === "root") return isAtLeast(version, 1, 1) ? containerCount(version) - 1 : null;
  if (policy !== "operator") return null;
  if (!isAtLeast(version, 1, 0, 2)) return 5;
  if (!isAtLeast(version, 1, 3, 4)) return 4;
  if (!isAtLeast(version, 1, 4)) return 5;
  if (!isAtLeast(version, 1, 8)) return 4;
  if (!isAtLeast(version, 1, 20)) return 5;
  return 3;
}

function containerCount(version: ReleaseVersion): number {
  if (!isAtLeast(version, 1, 1)) return 7;
  if (!isAtLeast(version, 1, 11)) return 8;
  if (!isAtLeast(version, 1, 13)) return 9;
  return 10;
}
