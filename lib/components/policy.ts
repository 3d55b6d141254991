// Which preflight policy is in force for a component, and which checks it drops: preflight's
// GetContainerPolicyExceptions (certification-domain.md §1.6, "Policy variant is derived"). The root
// policy follows the declaration alone (Host level access = Privileged), as preflight reads it from
// the certification project; Red Hat reviews that declaration (CTR-11), but the review does not
// change which checks run. The scratch policies need an approved scratch exception: Red Hat records
// "Scratch Image" as the project's OS content type only once the business exception is granted.

import { exceptionNeeded, REQUIREMENT_CATALOG } from "@/lib/requirements/catalog";

export type ExceptionFact = { kind: "privileged" | "scratch"; status: string; caseRef?: string | null };
export type ComponentSettings = { type: string; hostAccess: string; osContentType: string; exceptions: ExceptionFact[] };
export type PolicyInForce = { policy: string; reason: string };

const exceptionOf = (c: ComponentSettings, kind: ExceptionFact["kind"]) => c.exceptions.find((e) => e.kind === kind);
const isApproved = (c: ComponentSettings, kind: ExceptionFact["kind"]) => exceptionOf(c, kind)?.status === "approved";

function policyName(c: ComponentSettings): string {
  if (c.type === "operator_bundle") return "operator";
  if (c.type === "helm_chart") return "helm";
  const root = c.hostAccess === "privileged";
  const scratch = isApproved(c, "scratch");
  return scratch ? (root ? "scratch-root" : "scratch-nonroot") : root ? "root" : "container";
}

/** Checks the policy in force drops: they are evidence, never work. */
export function notApplicableChecks(c: ComponentSettings): Set<string> {
  const policy = policyName(c);
  return new Set(REQUIREMENT_CATALOG.filter((r) => r.notApplicableUnder.includes(policy)).flatMap((r) => r.checkNames));
}

const state = (c: ComponentSettings, kind: ExceptionFact["kind"]) => {
  const exception = exceptionOf(c, kind);
  if (!exception) return "not filed";
  return `${exception.status}${exception.caseRef ? ` (case ${exception.caseRef})` : ""}`;
};

export function policyInForce(c: ComponentSettings): PolicyInForce {
  const policy = policyName(c);
  if (policy === "operator") return { policy, reason: "Operator bundles are checked with the operator policy." };
  if (policy === "helm") return { policy, reason: "Helm charts are checked by chart-verifier, not preflight." };
  const because: string[] = [];
  const after: string[] = [];
  if (c.hostAccess === "privileged") {
    because.push("it is declared privileged (host level access)");
    after.push(`Red Hat reviews the declaration: its privileged exception is ${state(c, "privileged")}.`);
  }
  if (isApproved(c, "scratch")) because.push(`its scratch exception is ${state(c, "scratch")}`);
  else if (exceptionNeeded("scratch", c)) {
    after.push(`The ${c.osContentType === "scratch" ? "scratch" : "non-UBI"} base needs an approved scratch exception before the scratch policy applies; it is ${state(c, "scratch")}.`);
  }
  const dropped = [...notApplicableChecks(c)];
  const lead = because.length ? `Because ${because.join(" and ")}` : "An unprivileged image with no approved scratch exception";
  const effect = dropped.length ? `, so ${dropped.join(", ")} ${dropped.length === 1 ? "is" : "are"} not applicable` : "";
  return { policy, reason: [`${lead}: the ${policy} policy applies${effect}.`, ...after].join(" ") };
}
