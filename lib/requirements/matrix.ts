// The requirement matrix of one component: every catalog requirement of its type with its latest
// evidence. Pure, so the rules (policy, exceptions, newest run per architecture) have their own tests.

import type { ExceptionFact } from "@/lib/preflight/applicability";

export const EVIDENCE = ["failed", "errored", "not_run", "manual", "waived", "not_applicable", "passed"] as const;
export type Evidence = (typeof EVIDENCE)[number];

export type MatrixRequirement = {
  code: string;
  title: string;
  severity: string;
  verifiedBy: string;
  checkNames: string[];
  notApplicableUnder: string[];
  onlyWith: "privileged" | "scratch" | null;
};
/** One check's outcome in the newest run of one architecture that ran it. */
export type CheckEvidence = { checkName: string; outcome: string; runId: string; architecture: string; at: Date };
export type MatrixItem = { key: string; title: string; status: string; open: boolean; checkNames: string[]; requirementCodes: string[] };
export type MatrixComponent = { hostAccess: string; osContentType: string; policy: string; exceptions: ExceptionFact[] };

export type MatrixRow = {
  code: string;
  title: string;
  severity: string;
  verifiedBy: string;
  evidence: Evidence;
  /** A sentence saying where the evidence comes from. */
  detail: string;
  /** The run behind a preflight result (the worst architecture's), when there is one. */
  runId: string | null;
  architectures: { architecture: string; outcome: string; runId: string }[];
  item: { key: string; status: string; open: boolean } | null;
};

const needs = (c: MatrixComponent, kind: "privileged" | "scratch") => (kind === "privileged" ? c.hostAccess === "privileged" : c.osContentType === "scratch");
const RANK: Record<string, number> = { failed: 0, errored: 1, passed: 2, warned: 2 };

function itemFor(requirement: MatrixRequirement, items: MatrixItem[]): MatrixRow["item"] {
  const covers = (i: MatrixItem) => i.requirementCodes.includes(requirement.code) || i.checkNames.some((name) => requirement.checkNames.includes(name));
  // An item about this requirement alone beats one that lists it among others; then open beats closed.
  const dedicated = (i: MatrixItem) => i.requirementCodes.includes(requirement.code) || (i.checkNames.length > 0 && i.checkNames.every((name) => requirement.checkNames.includes(name)));
  const rank = (i: MatrixItem) => (dedicated(i) ? 2 : 0) + (i.open ? 1 : 0);
  const pick = items.filter(covers).sort((a, b) => rank(b) - rank(a))[0];
  return pick ? { key: pick.key, status: pick.status, open: pick.open } : null;
}

function rowFor(requirement: MatrixRequirement, component: MatrixComponent, checks: CheckEvidence[], items: MatrixItem[]): MatrixRow {
  const base = { code: requirement.code, title: requirement.title, severity: requirement.severity, verifiedBy: requirement.verifiedBy };
  const item = itemFor(requirement, items);
  const row = (evidence: Evidence, detail: string, runId: string | null = null, architectures: MatrixRow["architectures"] = []): MatrixRow => ({
    ...base,
    evidence,
    detail,
    runId,
    architectures,
    item,
  });

  if (requirement.onlyWith) {
    const kind = requirement.onlyWith;
    const exception = component.exceptions.find((e) => e.kind === kind);
    if (exception?.status === "approved") return row("waived", `Covered by the approved ${kind} exception${exception.caseRef ? ` (case ${exception.caseRef})` : ""}.`);
    if (!needs(component, kind)) return row("not_applicable", `Only for ${kind === "privileged" ? "privileged" : "scratch or non-UBI"} images.`);
    return row("manual", `Needs an approved ${kind} exception; it is ${exception ? exception.status : "not filed"}.`);
  }
  if (requirement.notApplicableUnder.includes(component.policy)) {
    return row("not_applicable", `The ${component.policy} policy does not apply ${requirement.checkNames.join(", ") || "it"}.`);
  }
  if (requirement.checkNames.length === 0) {
    return row("manual", item ? `Tracked by ${item.key}.` : "Checked outside preflight; no backlog item tracks it yet.");
  }
  const mine = checks.filter((c) => requirement.checkNames.includes(c.checkName));
  if (mine.length === 0) return row("not_run", `No run of ${requirement.checkNames.join(" or ")} yet.`);
  // Newest evidence per architecture (across the requirement's check names), then the worst of those.
  const byArch = new Map<string, CheckEvidence>();
  for (const c of mine) {
    const current = byArch.get(c.architecture);
    if (!current || c.at > current.at) byArch.set(c.architecture, c);
  }
  const architectures = [...byArch.values()]
    .sort((a, b) => a.architecture.localeCompare(b.architecture))
    .map((c) => ({ architecture: c.architecture, outcome: c.outcome, runId: c.runId }));
  const worst = [...architectures].sort((a, b) => (RANK[a.outcome] ?? 3) - (RANK[b.outcome] ?? 3))[0]!;
  const evidence: Evidence = worst.outcome === "failed" ? "failed" : worst.outcome === "errored" ? "errored" : "passed";
  const archText = architectures.map((a) => `${a.architecture} ${a.outcome}`).join(", ");
  return row(evidence, `Newest run per architecture: ${archText}.`, worst.runId, architectures);
}

export function requirementMatrix(requirements: MatrixRequirement[], component: MatrixComponent, checks: CheckEvidence[], items: MatrixItem[]): MatrixRow[] {
  return requirements.map((requirement) => rowFor(requirement, component, checks, items));
}

/** Rows per evidence kind, every kind present (for the matrix summary line). */
export function countEvidence(rows: MatrixRow[]): Record<Evidence, number> {
  const counts = Object.fromEntries(EVIDENCE.map((e) => [e, 0])) as Record<Evidence, number>;
  for (const row of rows) counts[row.evidence] += 1;
  return counts;
}
