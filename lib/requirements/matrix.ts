// The requirement matrix of one component (and of the product's listing): every catalog requirement
// with its evidence and where that evidence comes from. Pure, so the rules have their own tests:
// - a requirement a current preflight check verifies reads the newest run of every expected
//   architecture (a missing architecture is "not run"); preflight evidence beats any sign-off;
// - an exception requirement (CTR-11, CTR-16) reads the exception: requested → in review,
//   approved → waived, denied → failed;
// - a derived requirement (OPB-01, CTR-15, PRD-04, PRD-05) reads the facts it is about; when they
//   settle nothing, a person's sign-off does;
// - every other requirement is a person's sign-off (attested, not met, not applicable, stale).

import { exceptionNeeded, reportedChecks } from "@/lib/requirements/catalog";
import { worstGrade } from "@/lib/requirements/health-grade";
import type { SignOffStatus, SignOffView } from "@/lib/requirements/schema";
import { architectureText } from "@/lib/run-text";

export const EVIDENCE = [
  "failed",
  "errored",
  "not_met",
  "stale",
  "not_requested",
  "needs_sign_off",
  "not_run",
  "in_review",
  "attested",
  "waived",
  "not_applicable",
  "passed",
] as const;
export type Evidence = (typeof EVIDENCE)[number];
/** Evidence that settles a requirement: nothing remains to do for it. */
export const SETTLED: ReadonlySet<Evidence> = new Set(["passed", "attested", "waived", "not_applicable"]);

export type MatrixRequirement = {
  code: string;
  title: string;
  severity: string;
  verifiedBy: string;
  checkNames: string[];
  notApplicableUnder: string[];
  onlyWith: "privileged" | "scratch" | null;
  derivedFrom: string | null;
};
/** One check's outcome in the newest run of one architecture that ran it. */
export type CheckEvidence = { checkName: string; outcome: string; runId: string; architecture: string; at: Date };
export type MatrixItem = { key: string; title: string; status: string; open: boolean; checkNames: string[]; requirementCodes: string[] };
export type ExceptionState = { kind: "privileged" | "scratch"; status: string; caseRef?: string | null };
export type SignOffFact = { code: string; status: SignOffStatus; note: string; link: string | null; expiresAt: Date | null; actor: string; createdAt: Date };
export type LinkedComponent = { slug: string; name: string; certificationStatus: string };
/** A submission of preflight results: a run uploaded here with its log, or (runId null) a result Red Hat's catalog lists. */
export type Submission = { architecture: string; runId: string | null; at: Date; urls: string[] };
/** The health grade in force of an image in use, as Red Hat's catalog gives it. */
export type ImageGrade = { grade: string; architecture: string; tags: string[]; digest: string };

export type MatrixComponent = {
  hostAccess: string;
  osContentType: string;
  policy: string;
  exceptions: ExceptionState[];
  /** Architectures a release is checked on (set by a person, else those with runs). */
  architectures: string[];
  /** For a bundle: the images it references (null: none known). */
  references: LinkedComponent[] | null;
  submissions: Submission[];
  /** Current health grades of the images in use (Red Hat's catalog; empty: not synced). */
  grades: ImageGrade[];
};

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
  architectures: { architecture: string; outcome: string; runId: string | null }[];
  item: { key: string; status: string; open: boolean } | null;
  /** Components the evidence is about (OPB-01's referenced images, PRD-05's components). */
  components: (LinkedComponent & { settled: boolean })[];
  /** Links the evidence names (Partner Connect pages of submitted runs). */
  urls: string[];
  signOff: SignOffView | null;
  /**
   * Whether a person's sign-off decides this row now: false where an exception, the policy, a
   * current preflight result or derived facts decide it (a sign-off would be on record but shadowed).
   */
  signOffAllowed: boolean;
};

const RANK: Record<string, number> = { failed: 0, errored: 1, not_run: 2, passed: 3, warned: 3 };
const PUBLISHED = "published";
const CERTIFIED = new Set(["certification_completed", "published"]);

function itemFor(requirement: MatrixRequirement, items: MatrixItem[]): MatrixRow["item"] {
  const covers = (i: MatrixItem) => i.requirementCodes.includes(requirement.code) || i.checkNames.some((name) => requirement.checkNames.includes(name));
  // An item about this requirement alone beats one that lists it among others; then open beats closed.
  const dedicated = (i: MatrixItem) => i.requirementCodes.includes(requirement.code) || (i.checkNames.length > 0 && i.checkNames.every((name) => requirement.checkNames.includes(name)));
  const rank = (i: MatrixItem) => (dedicated(i) ? 2 : 0) + (i.open ? 1 : 0);
  const pick = items.filter(covers).sort((a, b) => rank(b) - rank(a))[0];
  return pick ? { key: pick.key, status: pick.status, open: pick.open } : null;
}

export function signOffView(fact: SignOffFact, now: Date): SignOffView {
  return {
    status: fact.status,
    note: fact.note,
    link: fact.link,
    expiresAt: fact.expiresAt?.toISOString() ?? null,
    expired: fact.expiresAt !== null && fact.expiresAt <= now,
    by: fact.actor,
    at: fact.createdAt.toISOString(),
  };
}

type Verdict = { evidence: Evidence; detail: string; runId?: string | null; architectures?: MatrixRow["architectures"]; components?: MatrixRow["components"]; urls?: string[] };

const day = (iso: string) => iso.slice(0, 10);

/** What a sign-off says, as evidence. */
function fromSignOff(view: SignOffView): Verdict {
  const who = `${view.by} on ${day(view.at)}`;
  const note = view.note ? `: ${view.note}` : ".";
  if (view.expired) return { evidence: "stale", detail: `Signed off ${view.status.replace("_", " ")} by ${who}; it expired on ${day(view.expiresAt!)}. Sign it off again.` };
  if (view.status === "met") return { evidence: "attested", detail: `Attested by ${who}${note}` };
  if (view.status === "not_met") return { evidence: "not_met", detail: `Not met, said ${who}${note}` };
  return { evidence: "not_applicable", detail: `Not applicable, said ${who}${note}` };
}

function exceptionVerdict(kind: "privileged" | "scratch", c: MatrixComponent): Verdict {
  const exception = c.exceptions.find((e) => e.kind === kind);
  const needed = exceptionNeeded(kind, c);
  const ref = exception?.caseRef ? ` (case ${exception.caseRef})` : "";
  switch (exception?.status) {
    case "approved":
      return { evidence: "waived", detail: `Covered by the approved ${kind} exception${ref}.` };
    case "requested":
      return { evidence: "in_review", detail: `Red Hat is reviewing the ${kind} exception${ref}.` };
    case "denied":
      return { evidence: "failed", detail: `Red Hat denied the ${kind} exception${ref}.` };
  }
  if (!needed) return { evidence: "not_applicable", detail: `Only for ${kind === "privileged" ? "privileged" : "scratch or non-UBI"} images.` };
  const what = kind === "privileged" ? "It is declared privileged" : `Its base is declared ${c.osContentType === "scratch" ? "scratch" : "not UBI"}`;
  return { evidence: "not_requested", detail: `${what}: request the ${kind} exception${exception ? ` (it is a ${exception.status})` : ""}.` };
}

function preflightVerdict(checkNames: string[], c: MatrixComponent, checks: CheckEvidence[]): Verdict | null {
  const mine = checks.filter((check) => checkNames.includes(check.checkName));
  if (mine.length === 0) return null;
  // Newest evidence per architecture (across the requirement's check names), then the worst of those;
  // an expected architecture with no run counts as not run.
  const byArch = new Map<string, CheckEvidence>();
  for (const check of mine) {
    const current = byArch.get(check.architecture);
    if (!current || check.at > current.at) byArch.set(check.architecture, check);
  }
  const architectures: MatrixRow["architectures"] = [...byArch.values()].map((e) => ({ architecture: e.architecture, outcome: e.outcome, runId: e.runId }));
  for (const arch of c.architectures) if (!byArch.has(arch)) architectures.push({ architecture: arch, outcome: "not_run", runId: null });
  architectures.sort((a, b) => a.architecture.localeCompare(b.architecture));
  const worst = [...architectures].sort((a, b) => (RANK[a.outcome] ?? 3) - (RANK[b.outcome] ?? 3))[0]!;
  const evidence: Evidence = worst.outcome === "failed" ? "failed" : worst.outcome === "errored" ? "errored" : worst.outcome === "not_run" ? "not_run" : "passed";
  const text = architectures.map((a) => `${architectureText(a.architecture)} ${a.outcome.replace("_", " ")}`).join(", ");
  return { evidence, detail: `Newest run per architecture: ${text}.`, runId: worst.runId ?? architectures.find((a) => a.runId)?.runId ?? null, architectures };
}

const statusWords = (status: string) => status.replaceAll("_", " ");

function bundleImagesVerdict(c: MatrixComponent): Verdict | null {
  if (!c.references || c.references.length === 0) return null;
  const components = c.references.map((r) => ({ ...r, settled: r.certificationStatus === PUBLISHED }));
  const waiting = components.filter((r) => !r.settled);
  if (waiting.length === 0) return { evidence: "passed", detail: `Every referenced image is published (${components.length}).`, components };
  return {
    evidence: "failed",
    detail: `${waiting.length} of ${components.length} referenced images not yet published: ${waiting.map((r) => `${r.name} (${statusWords(r.certificationStatus)})`).join(", ")}.`,
    components,
  };
}

function submissionVerdict(c: MatrixComponent): { verdict: Verdict | null; partial: string | null } {
  if (c.submissions.length === 0) return { verdict: null, partial: null };
  const submitted = new Set(c.submissions.map((s) => s.architecture));
  const missing = c.architectures.filter((arch) => !submitted.has(arch));
  const urls = [...new Set(c.submissions.flatMap((s) => s.urls))];
  const newest = [...c.submissions].sort((a, b) => b.at.getTime() - a.at.getTime())[0]!;
  const archs = [...submitted].sort().join(", ");
  if (missing.length === 0) {
    return { verdict: { evidence: "passed", detail: `Submitted to Red Hat for ${archs} (newest on ${day(newest.at.toISOString())}).`, runId: newest.runId, urls }, partial: null };
  }
  return { verdict: null, partial: `Submitted for ${archs}; not yet for ${missing.join(", ")}.` };
}

/** CTR-13: the worst current grade of the images in use; A or B passes. */
function gradesVerdict(c: MatrixComponent): Verdict | null {
  const grade = worstGrade(c.grades.map((g) => g.grade));
  if (grade === null) return null;
  const worst = c.grades.filter((g) => g.grade.trim().toUpperCase() === grade).sort((a, b) => a.architecture.localeCompare(b.architecture))[0]!;
  const which = `${worst.tags[0] ?? worst.digest.replace(/^sha256:/, "").slice(0, 12)} (${architectureText(worst.architecture)})`;
  const count = c.grades.length === 1 ? "the image in use" : `${c.grades.length} images in use`;
  if (grade === "A" || grade === "B") return { evidence: "passed", detail: `Worst health grade from Red Hat: ${grade}, ${which}, of ${count}.` };
  return { evidence: "failed", detail: `Health grade ${grade} from Red Hat for ${which}: rebuild on the newest base image (A or B needed; ${count}).` };
}

function base(requirement: MatrixRequirement, items: MatrixItem[]) {
  return {
    code: requirement.code,
    title: requirement.title,
    severity: requirement.severity,
    verifiedBy: requirement.verifiedBy,
    item: itemFor(requirement, items),
  };
}

function finish(requirement: MatrixRequirement, items: MatrixItem[], verdict: Verdict, signOff: SignOffView | null, signOffAllowed: boolean): MatrixRow {
  return {
    ...base(requirement, items),
    evidence: verdict.evidence,
    detail: verdict.detail,
    runId: verdict.runId ?? null,
    architectures: verdict.architectures ?? [],
    components: verdict.components ?? [],
    urls: verdict.urls ?? [],
    signOff,
    signOffAllowed,
  };
}

function rowFor(requirement: MatrixRequirement, c: MatrixComponent, checks: CheckEvidence[], items: MatrixItem[], signOffs: Map<string, SignOffView>): MatrixRow {
  const signOff = signOffs.get(requirement.code) ?? null;
  // Decided by facts (an exception, the policy, a preflight result, derived evidence): no sign-off changes it.
  const decided = (verdict: Verdict) => finish(requirement, items, verdict, signOff, false);
  const orSignOff = (fallback: Verdict) => finish(requirement, items, signOff ? fromSignOff(signOff) : fallback, signOff, true);

  if (requirement.onlyWith) return decided(exceptionVerdict(requirement.onlyWith, c));
  if (requirement.notApplicableUnder.includes(c.policy)) {
    return decided({ evidence: "not_applicable", detail: `The ${c.policy} policy does not apply ${requirement.checkNames.join(", ") || "it"}.` });
  }
  if (requirement.derivedFrom === "bundle_images") {
    const verdict = bundleImagesVerdict(c);
    return verdict ? decided(verdict) : orSignOff({ evidence: "needs_sign_off", detail: "No referenced images are known: list them on the bundle, or sign it off." });
  }
  if (requirement.derivedFrom === "submission") {
    const { verdict, partial } = submissionVerdict(c);
    if (verdict) return decided(verdict);
    return orSignOff({ evidence: "needs_sign_off", detail: partial ?? "No run says it was submitted (preflight --submit): upload a submitted run's preflight.log, or sign it off." });
  }
  if (requirement.derivedFrom === "grades") {
    const verdict = gradesVerdict(c);
    return verdict ? decided(verdict) : orSignOff({ evidence: "needs_sign_off", detail: "No health grade from Red Hat yet: connect the product to Red Hat's catalog (Settings → Integrations), or sign it off." });
  }
  const reported = reportedChecks(requirement.checkNames);
  if (reported.length > 0) {
    const verdict = preflightVerdict(reported, c, checks);
    if (verdict) return decided(verdict);
    return orSignOff({ evidence: "not_run", detail: `No run of ${reported.join(" or ")} yet.` });
  }
  const item = itemFor(requirement, items);
  const unreported = requirement.checkNames.length ? `Preflight no longer reports ${requirement.checkNames.join(" or ")}: sign it off.` : null;
  return orSignOff({ evidence: "needs_sign_off", detail: unreported ?? (item ? `Checked outside preflight; tracked by ${item.key}. Sign it off when done.` : "Checked outside preflight: sign it off when done.") });
}

const latestByCode = (signOffs: SignOffFact[], now: Date) => {
  const newest = new Map<string, SignOffFact>();
  for (const fact of signOffs) {
    const current = newest.get(fact.code);
    if (!current || fact.createdAt > current.createdAt) newest.set(fact.code, fact);
  }
  return new Map([...newest].map(([code, fact]) => [code, signOffView(fact, now)]));
};

export function requirementMatrix(
  requirements: MatrixRequirement[],
  component: MatrixComponent,
  checks: CheckEvidence[],
  items: MatrixItem[],
  signOffs: SignOffFact[] = [],
  now = new Date(),
): MatrixRow[] {
  const views = latestByCode(signOffs, now);
  return requirements.map((requirement) => rowFor(requirement, component, checks, items, views));
}

/** The listing's requirements (PRD-*): derived from the product's components where they can be, else signed off. */
export function productMatrix(
  requirements: MatrixRequirement[],
  components: LinkedComponent[],
  items: MatrixItem[],
  signOffs: SignOffFact[] = [],
  now = new Date(),
): MatrixRow[] {
  const views = latestByCode(signOffs, now);
  return requirements.map((requirement) => {
    const signOff = views.get(requirement.code) ?? null;
    const done = (verdict: Verdict) => finish(requirement, items, verdict, signOff, false);
    const orSignOff = (fallback: Verdict) => finish(requirement, items, signOff ? fromSignOff(signOff) : fallback, signOff, true);
    if (requirement.derivedFrom === "components_certified") {
      const certified = components.filter((c) => CERTIFIED.has(c.certificationStatus));
      const linked = components.map((c) => ({ ...c, settled: CERTIFIED.has(c.certificationStatus) }));
      if (certified.length > 0) return done({ evidence: "passed", detail: `Certified: ${certified.map((c) => c.name).join(", ")}.`, components: linked });
      return orSignOff({ evidence: "needs_sign_off", detail: `None of the ${components.length} components is certified yet.`, components: linked });
    }
    if (requirement.derivedFrom === "components_published") {
      const linked = components.map((c) => ({ ...c, settled: c.certificationStatus === PUBLISHED }));
      const waiting = linked.filter((c) => !c.settled);
      if (components.length > 0 && waiting.length === 0) return done({ evidence: "passed", detail: `Every component is published (${components.length}).`, components: linked });
      if (components.length === 0) return orSignOff({ evidence: "needs_sign_off", detail: "The product has no components yet." });
      return done({
        evidence: "failed",
        detail: `${waiting.length} of ${components.length} components not yet published: ${waiting.map((c) => `${c.name} (${statusWords(c.certificationStatus)})`).join(", ")}.`,
        components: linked,
      });
    }
    return orSignOff({ evidence: "needs_sign_off", detail: "A Partner Connect task: sign it off when done." });
  });
}

/** Rows per evidence kind, every kind present (for the matrix summary line). */
export function countEvidence(rows: MatrixRow[]): Record<Evidence, number> {
  const counts = Object.fromEntries(EVIDENCE.map((e) => [e, 0])) as Record<Evidence, number>;
  for (const row of rows) counts[row.evidence] += 1;
  return counts;
}
