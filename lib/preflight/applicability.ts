// Which preflight policy is in force for a component, and which checks it drops (preflight's
// GetContainerPolicyExceptions). Declaring privileged host access or a scratch base is a request;
// the root or scratch policy applies only once Red Hat approves the matching exception, so an
// unapproved declaration keeps every check of the container policy.

import { REQUIREMENT_CATALOG } from "@/lib/requirements/catalog";

export type ExceptionFact = { kind: "privileged" | "scratch"; status: string; caseRef?: string | null };
export type ComponentSettings = { type: string; hostAccess: string; osContentType: string; exceptions: ExceptionFact[] };
export type PolicyInForce = { policy: string; reason: string };

const isApproved = (c: ComponentSettings, kind: ExceptionFact["kind"]) => c.exceptions.some((e) => e.kind === kind && e.status === "approved");

function policyName(c: ComponentSettings): string {
  if (c.type === "operator_bundle") return "operator";
  if (c.type === "helm_chart") return "helm";
  const root = isApproved(c, "privileged");
  const scratch = isApproved(c, "scratch");
  return scratch ? (root ? "scratch-root" : "scratch-nonroot") : root ? "root" : "container";
}

/** Checks the policy in force drops: they are evidence, never work. */
export function notApplicableChecks(c: ComponentSettings): Set<string> {
  const policy = policyName(c);
  return new Set(REQUIREMENT_CATALOG.filter((r) => r.notApplicableUnder.includes(policy)).flatMap((r) => r.checkNames));
}

/** Why an exception does or does not change the policy, or null when the component needs none. */
function exceptionNote(c: ComponentSettings, kind: ExceptionFact["kind"], declared: boolean): string | null {
  const exception = c.exceptions.find((e) => e.kind === kind);
  if (exception?.status === "approved") return `its ${kind} exception is approved${exception.caseRef ? ` (case ${exception.caseRef})` : ""}`;
  if (!declared) return null;
  return `it is declared ${kind}, but its ${kind} exception is ${exception ? exception.status : "not filed"}`;
}

export function policyInForce(c: ComponentSettings): PolicyInForce {
  const policy = policyName(c);
  if (policy === "operator") return { policy, reason: "Operator bundles are checked with the operator policy." };
  if (policy === "helm") return { policy, reason: "Helm charts are checked by chart-verifier, not preflight." };
  const notes = [exceptionNote(c, "privileged", c.hostAccess === "privileged"), exceptionNote(c, "scratch", c.osContentType === "scratch")].filter(
    (note): note is string => note !== null,
  );
  const dropped = [...notApplicableChecks(c)];
  const because = notes.length ? `Because ${notes.join(" and ")}` : "An unprivileged image on a Red Hat base";
  const effect = dropped.length ? `, so ${dropped.join(", ")} ${dropped.length === 1 ? "is" : "are"} not applicable` : "";
  return { policy, reason: `${because}: the ${policy} policy applies${effect}.` };
}
