// Red Hat's certification requirements (shared/docs/certification-domain.md §2), in our own words.
// The seed syncs this list into the Requirement table; preflight check names map to codes here, so a
// check, its requirement and the matrix row agree everywhere.

export const REQUIREMENT_SCOPES = ["container", "operator_bundle", "product"] as const;
export type RequirementScope = (typeof REQUIREMENT_SCOPES)[number];
/** auto: an automated gate; review: Red Hat reviews or approves; portal: a Partner Connect task; others do not block. */
export type Severity = "auto" | "review" | "portal" | "warn" | "optional" | "maintenance";
export type VerifiedBy = "preflight" | "portal" | "review" | "scan" | "pipeline";
export type ExceptionKind = "privileged" | "scratch";

/** Whether an image's declarations call for an exception: privileged host access (CTR-11), a scratch or non-UBI base (CTR-16). */
export function exceptionNeeded(kind: ExceptionKind, c: { hostAccess: string; osContentType: string }): boolean {
  return kind === "privileged" ? c.hostAccess === "privileged" : c.osContentType === "scratch" || c.osContentType === "non_ubi";
}
/** Evidence computed from other facts rather than read from a check. */
export type DerivedFrom = "bundle_images" | "submission" | "grades" | "components_certified" | "components_published";

export type CatalogEntry = {
  code: string;
  scope: RequirementScope;
  title: string;
  severity: Severity;
  verifiedBy: VerifiedBy;
  checkNames: string[];
  notApplicableUnder: string[];
  onlyWith: ExceptionKind | null;
  derivedFrom: DerivedFrom | null;
};

const SCRATCH = ["scratch-nonroot", "scratch-root"];
const ROOT = ["root", "scratch-root"];

type Row = [code: string, title: string, severity: Severity, verifiedBy: VerifiedBy, checks?: string[], extra?: Partial<CatalogEntry>];

const CONTAINER: Row[] = [
  ["CTR-01", "Image is built on a Red Hat Universal Base Image", "auto", "preflight", ["BasedOnUbi"], { notApplicableUnder: SCRATCH }],
  ["CTR-02", "No kernel or boot packages in the image", "auto", "preflight", ["HasNoProhibitedPackages"], { notApplicableUnder: SCRATCH }],
  ["CTR-03", "Files installed by Red Hat packages are unmodified", "auto", "preflight", ["HasModifiedFiles"], { notApplicableUnder: SCRATCH }],
  ["CTR-04", "License terms are shipped in /licenses", "auto", "preflight", ["HasLicense"]],
  ["CTR-05", "Image has at most 40 layers", "auto", "preflight", ["LayerCountAcceptable"]],
  ["CTR-06", "Required image labels are present", "auto", "preflight", ["HasRequiredLabel"]],
  ["CTR-07", "Image labels do not use Red Hat trademarks", "auto", "preflight", ["HasNoProhibitedLabels"]],
  ["CTR-08", "Repository name does not use Red Hat trademarks", "auto", "preflight", ["HasProhibitedContainerName"]],
  ["CTR-09", "Image has a tag other than latest", "auto", "preflight", ["HasUniqueTag"]],
  ["CTR-10", "Image runs as a non-root user", "auto", "preflight", ["RunAsNonRoot"], { notApplicableUnder: ROOT }],
  ["CTR-11", "Privileged access is documented, declared before preflight, and reviewed", "review", "review", [], { onlyWith: "privileged" }],
  ["CTR-12", "No important or critical vulnerabilities in Red Hat content", "auto", "scan"],
  ["CTR-13", "Image is rebuilt when Red Hat errata land (health grade A or B)", "maintenance", "scan", [], { derivedFrom: "grades" }],
  ["CTR-14", "Red Hat can pull the image from the partner registry", "auto", "preflight"],
  ["CTR-15", "Preflight results are submitted to the certification project", "auto", "portal", [], { derivedFrom: "submission" }],
  ["CTR-16", "A non-UBI or scratch base has an approved scratch exception", "review", "review", [], { onlyWith: "scratch" }],
  ["CTR-17", "Repository information is complete in the portal", "portal", "portal"],
  ["CTR-18", "Component details are complete in the portal", "portal", "portal"],
  ["CTR-19", "Export control questionnaire answered (images hosted by Red Hat only)", "portal", "portal"],
  ["CTR-20", "Container appendix accepted", "portal", "portal"],
  ["CTR-21", "Product works on the target platform (partner attests)", "review", "review"],
];

const BUNDLE: Row[] = [
  // Preflight's own check for it is optional (hidden since 1.4): the bundle's referenced images decide.
  ["OPB-01", "Every image the bundle references is certified and published", "review", "review", ["BundleImageRefsAreCertified"], { derivedFrom: "bundle_images" }],
  ["OPB-02", "Operator bundle passes bundle validation", "auto", "preflight", ["ValidateOperatorBundle"]],
  ["OPB-03", "Operator installs with OLM", "auto", "preflight", ["DeployableByOLM"]],
  ["OPB-04", "CSV carries the infrastructure-feature annotations", "auto", "preflight", ["RequiredAnnotations"]],
  ["OPB-05", "CSV metadata annotations are complete", "review", "review"],
  ["OPB-06", "CSV has the required descriptive fields", "auto", "pipeline"],
  ["OPB-07", "Supported OpenShift versions are declared", "auto", "pipeline"],
  ["OPB-08", "No APIs removed in a declared OpenShift version", "auto", "pipeline"],
  ["OPB-09", "CSV declares every owned CRD", "auto", "pipeline"],
  ["OPB-10", "relatedImages lists every image the operator needs", "review", "preflight", ["AllImageRefsInRelatedImages"]],
  ["OPB-11", "Image references are pinned by digest", "auto", "pipeline"],
  ["OPB-12", "Operator works in restricted networks", "optional", "preflight", ["FollowsRestrictedNetworkEnablementGuidelines"]],
  ["OPB-13", "Operator package name is unique", "auto", "pipeline"],
  ["OPB-14", "Operator updates the status of the resources it manages", "review", "review"],
  ["OPB-15", "Non-default security context constraints are surfaced", "optional", "preflight", ["SecurityContextConstraintsInCSV"]],
  ["OPB-16", "Pull request follows the certified-operators rules", "auto", "pipeline"],
  ["OPB-17", "ci.yaml names the certification project", "auto", "pipeline"],
  ["OPB-18", "Pull request author is an authorized account", "auto", "pipeline"],
  ["OPB-19", "Update graph is consistent", "warn", "pipeline"],
  ["OPB-20", "No NetworkPolicy objects in the bundle", "auto", "pipeline"],
  ["OPB-21", "File-based catalog is valid (when used)", "auto", "pipeline"],
  ["OPB-22", "Publishing checklist is complete", "auto", "portal"],
  ["OPB-23", "Publication target is chosen", "portal", "portal"],
  ["OPB-24", "Update graph (version and channel) is configured", "portal", "portal"],
  // Removed in preflight 1.20; kept so historical runs still map to a requirement.
  ["OPB-25", "Scorecard suites pass (preflight 1.19 and older)", "optional", "preflight", ["ScorecardBasicSpecCheck", "ScorecardOlmSuiteCheck"]],
  ["OPB-26", "Best-practices badge (optional)", "optional", "portal"],
];

const PRODUCT: Row[] = [
  ["PRD-01", "Product listing details are complete", "portal", "portal"],
  ["PRD-02", "Company profile is complete", "portal", "portal"],
  ["PRD-03", "Legal agreements are accepted", "portal", "portal"],
  ["PRD-04", "At least one certified component is attached", "portal", "portal", [], { derivedFrom: "components_certified" }],
  ["PRD-05", "Every attached component is published before the listing", "portal", "portal", [], { derivedFrom: "components_published" }],
  ["PRD-06", "Support relationship and hardware requirements are stated", "review", "review"],
];

function entries(scope: RequirementScope, rows: Row[]): CatalogEntry[] {
  return rows.map(([code, title, severity, verifiedBy, checks = [], extra = {}]) => ({
    code,
    scope,
    title,
    severity,
    verifiedBy,
    checkNames: checks,
    notApplicableUnder: [],
    onlyWith: null,
    derivedFrom: null,
    ...extra,
  }));
}

export const REQUIREMENT_CATALOG: readonly CatalogEntry[] = [
  ...entries("container", CONTAINER),
  ...entries("operator_bundle", BUNDLE),
  ...entries("product", PRODUCT),
];

// Checks preflight runs but no longer writes into results.json: optional-level checks since 1.4.0,
// the scorecard suites since 1.20.0 (certification-domain.md §1.7–1.8). A requirement verified only
// by these is a sign-off row: waiting for a result that never comes would read "not run" forever.
const UNREPORTED_CHECKS = new Set([
  "BundleImageRefsAreCertified",
  "AllImageRefsInRelatedImages",
  "FollowsRestrictedNetworkEnablementGuidelines",
  "SecurityContextConstraintsInCSV",
  "ScorecardBasicSpecCheck",
  "ScorecardOlmSuiteCheck",
]);

/** The checks of a requirement that current preflight reports (empty: people sign it off). */
export function reportedChecks(checkNames: readonly string[]): string[] {
  return checkNames.filter((name) => !UNREPORTED_CHECKS.has(name));
}

/** Severities that stand between a component and its listing (warnings, optional and maintenance do not). */
export const BLOCKING_SEVERITIES: readonly Severity[] = ["auto", "review", "portal"];

const BY_CHECK = new Map(REQUIREMENT_CATALOG.flatMap((entry) => entry.checkNames.map((name) => [name, entry] as const)));

/** The requirement a preflight check verifies, or null for a check outside the catalog. */
export function requirementForCheck(canonicalName: string): CatalogEntry | null {
  return BY_CHECK.get(canonicalName) ?? null;
}

/** Requirements of one component type, in catalog order (helm charts have none in our catalog yet). */
export function requirementsForType(type: string): CatalogEntry[] {
  return REQUIREMENT_CATALOG.filter((entry) => entry.scope === type);
}
